package dev.bricks.maven;

import dev.bricks.local.app.LocalApp;
import dev.bricks.local.app.LocalAppException;
import dev.bricks.local.app.LocalAppOptions;
import dev.bricks.local.template.TemplateException;
import java.io.File;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code bricks:run}: packages the project (so the functions' {@code CodeUri} artifacts exist), then runs its SAM
 * template on bricks-local in this JVM until Ctrl-C: API gateway, DynamoDB, EventBridge, S3, SES and one warm JVM
 * per function environment, with the same options as {@code bricks-local run}.
 *
 * <pre>
 * mvn bricks:run [-Dbricks.template=template.yaml] [-Dbricks.port=3000] [-Dbricks.state=.bricks-state]
 *     [-Dbricks.parameterOverrides="Stage=dev ParameterKey=Table,ParameterValue=orders"] [-Dbricks.envVars=env.json]
 * </pre>
 */
@Mojo(name = "run", threadSafe = true)
@Execute(phase = LifecyclePhase.PACKAGE)
public final class RunMojo extends AbstractMojo {

    /** The SAM template (YAML or JSON). */
    @Parameter(property = "bricks.template", defaultValue = "${project.basedir}/template.yaml")
    File template;

    /** The API gateway's port; 0 picks a free one. */
    @Parameter(property = "bricks.port", defaultValue = "3000")
    int port;

    /** Keeps tables, objects and captured mail in this directory across runs; unset: in memory. */
    @Parameter(property = "bricks.state")
    File state;

    /** {@code Key=Value ...} or SAM's {@code ParameterKey=Key,ParameterValue=Value ...}, space-separated. */
    @Parameter(property = "bricks.parameterOverrides")
    String parameterOverrides;

    /** The template's parameters, in the POM ({@code <parameters><Stage>dev</Stage></parameters>}). */
    @Parameter
    Map<String, String> parameters;

    /** SAM's {@code --env-vars} file: {@code {"FunctionId": {"VAR": "v"}, "Parameters": {...}}}. */
    @Parameter(property = "bricks.envVars")
    File envVars;

    /** No colours in log prefixes. */
    @Parameter(property = "bricks.noColor", defaultValue = "false")
    boolean noColor;

    /**
     * Stops after this long (ISO-8601, e.g. {@code PT30S}) instead of at Ctrl-C: a smoke run in CI (start, call,
     * stop). Unset: runs until stopped.
     */
    @Parameter(property = "bricks.runFor")
    String runFor;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (template == null || !template.isFile()) {
            throw new MojoFailureException("no SAM template at " + template + ": put template.yaml next to pom.xml"
                    + " or set -Dbricks.template=path/to/template.yaml");
        }
        Duration limit = duration(runFor);
        LocalApp app;
        try {
            app = LocalApp.start(template.toPath(), options());
        } catch (TemplateException | LocalAppException e) {
            throw new MojoFailureException("bricks:run: " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    app.close();
                    stopped.countDown();
                },
                "bricks-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (limit == null) {
                stopped.await();
            } else if (!stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                getLog().info("bricks:run stopping after " + limit + " (-Dbricks.runFor)");
                Runtime.getRuntime().removeShutdownHook(hook);
                app.close();
                getLog().info("bricks:run stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.close();
        }
    }

    private LocalAppOptions options() throws MojoFailureException {
        LocalAppOptions.Builder options = LocalAppOptions.builder().port(port).logs(System.out);
        if (noColor) {
            options.colour(false);
        }
        if (state != null) {
            options.stateDirectory(state.toPath());
        }
        if (parameters != null) {
            parameters.forEach(options::parameterOverride);
        }
        try {
            if (parameterOverrides != null && !parameterOverrides.isBlank()) {
                for (String token : parameterOverrides.trim().split("\\s+")) {
                    options.parameterOverride(token);
                }
            }
            if (envVars != null) {
                options.environmentOverrides(envVars.toPath());
            }
            return options.build();
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("bricks.parameterOverrides: " + e.getMessage());
        } catch (LocalAppException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    static Duration duration(String value) throws MojoFailureException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative() || d.isZero()) {
                throw new MojoFailureException("bricks.runFor must be positive, was " + value);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new MojoFailureException("bricks.runFor must be an ISO-8601 duration like PT30S, was " + value);
        }
    }
}
