package dev.bricks.maven;

import dev.bricks.local.app.LocalAppException;
import dev.bricks.local.runtime.ClassDataArchive;
import dev.bricks.local.runtime.FunctionProcess;
import dev.bricks.local.template.TemplateException;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code bricks:archive} (bound to {@code package}): the build-time cold-start step. Lays the deployment out as
 * {@code target/lambda/lib/*.jar}, runs the handler once on a training event through Lambda's runtime client
 * (bricks-local's {@code FunctionProcess}) and writes what the JVM learnt: a JDK 17+ class-data archive
 * ({@code CDS}, {@code -XX:ArchiveClassesAtExit}, the default) or a JDK 25+ AOT cache ({@code AOT},
 * {@code -XX:AOTCacheOutput}). The training run needs answering endpoints: configured ones, else the template's
 * engines started by bricks-local, else an empty local DynamoDB and EventBridge. Prints the
 * {@code JAVA_TOOL_OPTIONS} that use the file and how the file fits the target runtime's JDK.
 */
@Mojo(
        name = "archive",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class ArchiveMojo extends DeploymentMojo {

    /** The handler class ({@code com.example.Orders}) as in the template. */
    @Parameter(property = "bricks.handler")
    String handler;

    /** An event the handler answers successfully (a 4xx answer counts as success). */
    @Parameter(
            property = "bricks.trainingEvent",
            defaultValue = "${project.basedir}/src/test/resources/training-event.json")
    File trainingEvent;

    /** {@code CDS} (JDK 17+ class-data archive) or {@code AOT} (JDK 25+ AOT cache). */
    @Parameter(property = "bricks.archive.kind", defaultValue = "CDS")
    ArchiveKind kind;

    /** The JDK that trains; default the JDK Maven runs on. {@code AOT} needs 25 or newer. */
    @Parameter(property = "bricks.archive.jdk")
    File jdk;

    /** The Lambda runtime the function deploys to ({@code java17}, {@code java21}, {@code java25}). */
    @Parameter(property = "bricks.runtime", defaultValue = "java17")
    String runtime;

    /** Where the file goes; default {@code target/function.jsa} (CDS) or {@code target/function.aot} (AOT). */
    @Parameter(property = "bricks.archive")
    File archive;

    /** The function's memory size in MB (sizes the heap as Lambda would). */
    @Parameter(property = "bricks.memory", defaultValue = "512")
    int memoryMb;

    /** The function's environment variables during training (e.g. {@code TABLE_NAME}). */
    @Parameter
    Map<String, String> environment;

    /** DynamoDB endpoint for the training run; with none, local engines are started. */
    @Parameter(property = "bricks.dynamodbEndpoint")
    String dynamoDbEndpoint;

    /** EventBridge endpoint for the training run; with none, local engines are started. */
    @Parameter(property = "bricks.eventbridgeEndpoint")
    String eventBridgeEndpoint;

    /** The SAM template whose tables, buses and buckets the local engines get, when it exists. */
    @Parameter(property = "bricks.template", defaultValue = "${project.basedir}/template.yaml")
    File template;

    /**
     * How the training JVM loads the function. {@code false} (default): Lambda's runtime client loads
     * {@code lib/*.jar} with its own class loader, as the managed runtime loads {@code /var/task}; {@code true}:
     * the jars follow the runtime client on {@code -cp}, as a container image typically starts it.
     */
    @Parameter(property = "bricks.archive.functionOnClassPath", defaultValue = "false")
    boolean functionOnClassPath;

    /** Skips the goal. */
    @Parameter(property = "bricks.archive.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.build.directory}/lambda", readonly = true)
    File deploymentDirectory;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("bricks:archive skipped");
            return;
        }
        String handlerClass = Handlers.className(handler);
        byte[] event = EventFile.read(trainingEvent, "bricks.trainingEvent");
        LambdaRuntime target = LambdaRuntime.of(runtime);
        Jdk training = jdk == null ? Jdk.current() : Jdk.at(jdk.toPath());
        if (training.feature() < kind.minimumJdk()) {
            throw new MojoFailureException(
                    kind.description() + " needs JDK " + kind.minimumJdk() + " or newer to train,"
                            + " and " + training + " is " + training.feature() + ": set -Dbricks.archive.jdk=<JDK "
                            + kind.minimumJdk() + " home>"
                            + (kind == ArchiveKind.AOT ? " or use -Dbricks.archive.kind=CDS" : ""));
        }
        Deployment layout = deployment();
        Path deployment = deploymentDirectory.toPath();
        try {
            layout.writeDirectory(deployment);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot lay out " + deployment + ": " + e.getMessage(), e);
        }
        Path out = (archive != null ? archive : new File(buildDirectory, kind.fileName())).toPath();
        FunctionProcess.Builder function = FunctionProcess.builder()
                .deployment(deployment)
                .handler(handlerClass)
                .functionName(handlerClass.substring(handlerClass.lastIndexOf('.') + 1))
                .memoryMb(memoryMb)
                .functionOnSystemClassPath(functionOnClassPath)
                .javaHome(training.home());
        if (environment != null) {
            environment.forEach(function::environment);
        }
        Path written;
        try (TrainingEngines engines = engines()) {
            getLog().info("bricks:archive training " + handlerClass + " on " + trainingEvent.getName() + " with "
                    + training + " against " + engines);
            engines.apply(function);
            written = kind == ArchiveKind.CDS
                    ? ClassDataArchive.build(function, event, out)
                    : ClassDataArchive.buildAotCache(function, event, out);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new MojoFailureException("bricks:archive: " + e.getMessage());
        }
        long kib;
        try {
            kib = Files.size(written) / 1024;
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + written, e);
        }
        String toolOptions = kind == ArchiveKind.CDS
                ? ClassDataArchive.javaToolOptions(written)
                : ClassDataArchive.aotCacheOptions(written);
        getLog().info("bricks:archive wrote " + written + " (" + kib + " KiB); start " + deployment
                + " with JAVA_TOOL_OPTIONS=\"" + toolOptions + "\"");
        for (String line : target.explain(kind, training, deployment.toString())) {
            if (line.startsWith("MISMATCH")) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
    }

    private TrainingEngines engines() throws MojoFailureException {
        if (dynamoDbEndpoint != null || eventBridgeEndpoint != null) {
            return TrainingEngines.configured(uri(dynamoDbEndpoint), uri(eventBridgeEndpoint));
        }
        if (template != null && template.isFile()) {
            try {
                return TrainingEngines.fromTemplate(template.toPath());
            } catch (TemplateException | LocalAppException e) {
                throw new MojoFailureException("bricks:archive cannot start the template's engines: " + e.getMessage()
                        + " (run bricks:zip before bricks:archive, or set the endpoints)");
            }
        }
        return TrainingEngines.empty();
    }

    private static URI uri(String value) throws MojoFailureException {
        if (value == null) {
            return null;
        }
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not absolute");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("endpoint must be a URL like http://127.0.0.1:8000, was " + value);
        }
    }
}
