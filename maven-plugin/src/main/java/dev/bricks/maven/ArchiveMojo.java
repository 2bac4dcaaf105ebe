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
 * The build-time cold-start step, at {@code package}: lays the deployment out as {@code target/lambda/lib/*.jar},
 * runs the handler once on a training event through Lambda's runtime client and writes what the JVM learnt, a
 * JDK 17+ class-data archive ({@code CDS}, the default) or a JDK 25+ AOT cache ({@code AOT}). The training run
 * needs answering endpoints: the configured ones, else local engines with the template's tables, buses and buckets
 * (bind {@code bricks:zip} first so the template's {@code CodeUri} exists), else an empty local DynamoDB and
 * EventBridge. Prints the {@code JAVA_TOOL_OPTIONS} that use the file, and warns ({@code MISMATCH}) when the file
 * cannot work on the target Lambda runtime's JDK. Fails naming the problem for a missing or non-JSON training event,
 * a training JDK too old for the kind, or a training run that failed (no file is written then).
 */
@Mojo(
        name = "archive",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class ArchiveMojo extends DeploymentMojo {

    /** The handler's class name ({@code com.example.Orders}), as in the template's {@code Handler}. Required. */
    @Parameter(property = "bricks.handler")
    String handler;

    /**
     * The training event: a JSON file the handler answers successfully, so the archive holds the classes of a
     * real invocation (a 4xx answer counts as success; the error path is then what is archived).
     */
    @Parameter(
            property = "bricks.trainingEvent",
            defaultValue = "${project.basedir}/src/test/resources/training-event.json")
    File trainingEvent;

    /**
     * What to write: {@code CDS}, a dynamic class-data-sharing archive (JDK 17+, read by Lambda's {@code java17} and
     * {@code java21} runtimes), or {@code AOT}, an AOT cache (JDK 25+: classes linked, method profiles).
     */
    @Parameter(property = "bricks.archive.kind", defaultValue = "CDS")
    ArchiveKind kind;

    /**
     * The home directory of the JDK that trains; default the JDK Maven runs on. It must be the JDK the function
     * starts with later; {@code AOT} needs 25 or newer.
     */
    @Parameter(property = "bricks.archive.jdk")
    File jdk;

    /**
     * The Lambda runtime the function deploys to, {@code java17}, {@code java21} or {@code java25}: the goal
     * explains whether the file fits that runtime's JDK.
     */
    @Parameter(property = "bricks.runtime", defaultValue = "java17")
    String runtime;

    /** The file to write; default {@code target/function.jsa} (CDS) or {@code target/function.aot} (AOT). */
    @Parameter(property = "bricks.archive")
    File archive;

    /** The function's memory size in MB, which sizes the training JVM's heap as Lambda would. */
    @Parameter(property = "bricks.memory", defaultValue = "512")
    int memoryMb;

    /**
     * Environment variables of the training run, in the POM:
     * {@code <environment><TABLE_NAME>orders</TABLE_NAME></environment>}. The endpoints' {@code AWS_ENDPOINT_URL_*}
     * variables are added.
     */
    @Parameter
    Map<String, String> environment;

    /**
     * The DynamoDB endpoint URL of the training run ({@code http://127.0.0.1:8000}); unset with
     * {@code bricks.eventbridgeEndpoint} unset too: local engines are started.
     */
    @Parameter(property = "bricks.dynamodbEndpoint")
    String dynamoDbEndpoint;

    /**
     * The EventBridge endpoint URL of the training run; unset with {@code bricks.dynamodbEndpoint} unset too: local
     * engines are started.
     */
    @Parameter(property = "bricks.eventbridgeEndpoint")
    String eventBridgeEndpoint;

    /**
     * The SAM template whose tables, buses and buckets the local engines create for the training run; ignored when it
     * does not exist or endpoints are set.
     */
    @Parameter(property = "bricks.template", defaultValue = "${project.basedir}/template.yaml")
    File template;

    /**
     * How the training JVM loads the function. {@code false} (default): Lambda's runtime client loads
     * {@code lib/*.jar} with its own class loader, as the managed runtime loads {@code /var/task}; {@code true}:
     * the jars follow the runtime client on {@code -cp}, as a container image typically starts it.
     */
    @Parameter(property = "bricks.archive.functionOnClassPath", defaultValue = "false")
    boolean functionOnClassPath;

    /** Skips the goal (e.g. {@code -Dbricks.archive.skip} with {@code bricks:run}): no file is written. */
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
