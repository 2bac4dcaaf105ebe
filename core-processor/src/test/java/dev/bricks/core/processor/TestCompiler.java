package dev.bricks.core.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles real sources with javac (javax.tools), with or without {@link CoreProcessor}, into a fresh directory. */
final class TestCompiler {

    private TestCompiler() {}

    /** The outcome: diagnostics, and the classes and generated sources written. */
    record Compilation(
            boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes, Path generated) {

        String errors() {
            StringBuilder out = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    out.append(d.getMessage(null)).append('\n');
                }
            }
            return out.toString();
        }

        /** A loader over the compiled classes (parent: the test's, which has core and events), recording what it loads. */
        RecordingLoader loader() {
            try {
                return new RecordingLoader(new URL[] {classes.toUri().toURL()}, TestCompiler.class.getClassLoader());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        String generatedSource(String relativePath) throws IOException {
            return Files.readString(generated.resolve(relativePath));
        }
    }

    /** Loads the compiled classes itself (not through the parent) and remembers their names. */
    static final class RecordingLoader extends URLClassLoader {
        final Set<String> loaded = ConcurrentHashMap.newKeySet();

        RecordingLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> c = super.findClass(name);
            loaded.add(name);
            return c;
        }
    }

    /**
     * Compiles the sources (file path under the source root, e.g. {@code sample/Orders.java}, to text).
     *
     * @param withProcessor true: run {@link CoreProcessor}; false: {@code -proc:none}, as a build without it
     */
    static Compilation compile(boolean withProcessor, Map<String, String> sources) {
        try {
            Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "javac")), "run");
            Path src = Files.createDirectories(root.resolve("src"));
            Path classes = Files.createDirectories(root.resolve("classes"));
            Path generated = Files.createDirectories(root.resolve("generated"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
                files.add(file);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> options = new ArrayList<>(List.of(
                    "-classpath",
                    System.getProperty("java.class.path"),
                    "-d",
                    classes.toString(),
                    "-s",
                    generated.toString(),
                    "-parameters"));
            if (withProcessor) {
                options.addAll(List.of("-processor", CoreProcessor.class.getName()));
            } else {
                options.add("-proc:none");
            }
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
                boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(files))
                        .call();
                return new Compilation(ok, diagnostics.getDiagnostics(), classes, generated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
