package dev.bricks.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Invokes one handler of this project once on an event file, without bricks-local or AWS: compiles, then runs the
 * handler in a fresh JVM on the project's runtime class path through {@code bricks-core}'s one-shot
 * {@code Invoker}. Prints the response on standard output (for an HTTP handler, API Gateway's proxy response JSON)
 * and the handler's logs and Lambda's {@code REPORT} line (duration, memory used, init duration) on standard error.
 * Fails with one line naming the problem when the handler or event is unset, the handler class is neither in
 * {@code target/classes} nor in a runtime dependency, the event file is missing or not JSON, {@code bricks-core} is
 * not a dependency, or the handler fails.
 *
 * <p>Example: {@code mvn -q bricks:invoke -Dbricks.handler=com.example.Orders -Dbricks.event=events/order.json}
 */
@Mojo(name = "invoke", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public final class InvokeMojo extends AbstractMojo {

    static final String INVOKER = "dev.bricks.core.invoke.Invoker";
    private static final String INVOKER_ERROR = "bricks invoke: ";

    /**
     * The handler's class name, as in the template's {@code Handler} ({@code com.example.Orders}; a
     * {@code ::handleRequest} suffix is accepted and ignored). Required.
     */
    @Parameter(property = "bricks.handler")
    String handler;

    /**
     * A file holding the event JSON exactly as Lambda delivers it (an API Gateway proxy event, an SQS batch, …),
     * relative to the project directory. Required.
     */
    @Parameter(property = "bricks.event")
    File event;

    /** Extra options for the invocation's JVM, space-separated, such as {@code -Xmx512m -Dstage=dev}. */
    @Parameter(property = "bricks.jvmOptions")
    String jvmOptions;

    @Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
    List<String> classpath;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File classesDirectory;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /** The invoker's last {@code bricks invoke: …} error line, from the JVM's standard error. */
    private final AtomicReference<String> lastError = new AtomicReference<>();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String handlerClass = Handlers.className(handler);
        EventFile.read(event, "bricks.event");
        String path;
        try (ProjectClassPath cp = new ProjectClassPath(classpath)) {
            if (!cp.hasClass(INVOKER)) {
                throw new MojoFailureException("bricks:invoke runs handlers through bricks-core's " + INVOKER
                        + ", which is not on this project's runtime class path: add the dependency"
                        + " dev.bricks:bricks-core");
            }
            cp.requireHandler(handlerClass, classesDirectory);
            path = cp.asPath();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", path, INVOKER, handlerClass, event.getAbsolutePath()));
        getLog().debug("bricks:invoke " + command);
        int exit = run(command);
        if (exit == 1) {
            throw new MojoFailureException(lastError.get() != null ? lastError.get() : "the handler failed");
        }
        if (exit != 0) {
            throw new MojoExecutionException("the invocation's JVM exited with " + exit + ": " + command);
        }
    }

    private int run(List<String> command) throws MojoExecutionException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(basedir).start();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start " + command.get(0), e);
        }
        Thread errors = new Thread(() -> copy(process.getErrorStream(), System.err, true), "bricks-invoke-stderr");
        errors.start();
        copy(process.getInputStream(), System.out, false);
        try {
            int exit = process.waitFor();
            errors.join();
            return exit;
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted", e);
        }
    }

    /** Copies the JVM's lines through; remembers the invoker's own error line to fail with it. */
    private void copy(InputStream from, PrintStream to, boolean errors) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (errors && line.startsWith(INVOKER_ERROR)) {
                    lastError.set(line.substring(INVOKER_ERROR.length()));
                }
                to.println(line);
            }
            to.flush();
        } catch (IOException e) {
            getLog().warn("lost the invocation's output: " + e.getMessage());
        }
    }
}
