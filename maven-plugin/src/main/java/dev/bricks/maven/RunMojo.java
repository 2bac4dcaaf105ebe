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
 * Runs the project's SAM template on bricks-local until Ctrl-C: an API gateway on {@code bricks.port} with the
 * template's routes and authorizers, local DynamoDB with streams, EventBridge, S3 and an SES catcher, and one warm
 * JVM per function on Lambda's runtime client. Runs {@code package} first, so every function's {@code CodeUri}
 * exists (add {@code -DskipTests} to skip the tests). Prints the start-up table (endpoints, routes, functions), then
 * every function's log and {@code REPORT} lines. Takes the same options as {@code bricks-local run}. Ctrl-C stops
 * the function JVMs and the engines and frees the ports; {@code bricks.runFor} stops after a fixed time instead.
 * Fails with one line naming the problem for a missing template, a template bricks-local cannot run, a missing
 * {@code CodeUri}, a port in use or a bad parameter override.
 *
 * <p>Example: {@code mvn bricks:run -Dbricks.port=8080 -Dbricks.parameterOverrides="Stage=dev"}
 */
@Mojo(name = "run", threadSafe = true)
@Execute(phase = LifecyclePhase.PACKAGE)
public final class RunMojo extends AbstractMojo {

    /** The SAM template to run, YAML or JSON ({@code --template}); default {@code template.yaml} next to the POM. */
    @Parameter(property = "bricks.template", defaultValue = "${project.basedir}/template.yaml")
    File template;

    /** The port of the local API gateway ({@code --port}); 0 picks a free one, printed in the start-up table. */
    @Parameter(property = "bricks.port", defaultValue = "3000")
    int port;

    /**
     * A directory that keeps tables, S3 objects and captured mail across runs ({@code --state}); unset: everything is
     * in memory and gone at stop.
     */
    @Parameter(property = "bricks.state")
    File state;

    /**
     * Template parameter overrides ({@code --parameter-overrides}), space-separated, each {@code Key=Value} or SAM's
     * {@code ParameterKey=Key,ParameterValue=Value}; they win over {@code parameters}.
     */
    @Parameter(property = "bricks.parameterOverrides")
    String parameterOverrides;

    /**
     * Template parameter values set in the POM, one element per parameter:
     * {@code <parameters><Stage>dev</Stage></parameters>}.
     */
    @Parameter
    Map<String, String> parameters;

    /**
     * A JSON file of environment variables for the functions ({@code --env-vars}, SAM's format): an object per
     * function's logical id, mapping variable names to values, and an optional {@code Parameters} object for every
     * function.
     */
    @Parameter(property = "bricks.envVars")
    File envVars;

    /** Prints the functions' log prefixes without ANSI colours ({@code --no-color}), e.g. when output goes to a file. */
    @Parameter(property = "bricks.noColor", defaultValue = "false")
    boolean noColor;

    /**
     * Stops by itself after this long, an ISO-8601 duration such as {@code PT30S}: a smoke run in CI (start, call,
     * stop). Unset: runs until Ctrl-C.
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
                    getLog().info("bricks:run stopping: the function JVMs, then the local engines");
                    stop(app);
                    stopped.countDown();
                },
                "bricks-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (limit == null) {
                stopped.await();
            } else if (!stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                getLog().info("bricks:run stopping after " + limit + " (-Dbricks.runFor)");
                if (detach(hook)) {
                    stop(app);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (detach(hook)) {
                stop(app);
            }
        }
    }

    /** Removes the shutdown hook; false when the JVM is already shutting down (Ctrl-C): the hook stops the app. */
    private static boolean detach(Thread hook) {
        try {
            return Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    /** Closes the app (function JVMs stopped and waited for, engines closed, ports freed) and says how long it took. */
    private void stop(LocalApp app) {
        long start = System.nanoTime();
        app.close();
        getLog().info("bricks:run stopped in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                + " ms: function JVMs and local engines closed");
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
