package dev.bricks.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The project's runtime class path (its classes and dependencies), to look classes up in without loading them
 * into Maven's JVM: {@code findResource} on an isolated loader, so nothing of the project is initialised here.
 */
final class ProjectClassPath implements AutoCloseable {

    private final List<String> elements;
    private final URLClassLoader resources;

    ProjectClassPath(List<String> elements) {
        this.elements = List.copyOf(elements);
        URL[] urls = new URL[elements.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = new File(elements.get(i)).toURI().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("class path element " + elements.get(i), e);
            }
        }
        this.resources = new URLClassLoader(urls, null);
    }

    /** Whether the class's file is on the class path (no class is loaded). */
    boolean hasClass(String className) {
        return resources.findResource(className.replace('.', '/') + ".class") != null;
    }

    /** Fails naming the handler when its class is not in the project's classes or dependencies. */
    void requireHandler(String handlerClass, File classesDirectory) throws MojoFailureException {
        if (!hasClass(handlerClass)) {
            throw new MojoFailureException("handler class " + handlerClass + " does not exist: it is neither in "
                    + classesDirectory + " nor in the project's runtime dependencies (-Dbricks.handler takes a"
                    + " fully qualified class name, e.g. com.example.Orders)");
        }
    }

    /** The elements joined with the platform's path separator, for {@code java -cp}. */
    String asPath() {
        return String.join(File.pathSeparator, elements);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
