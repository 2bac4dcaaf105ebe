package dev.bricks.local.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lambda's Java runtime interface client as the function JVMs use it: its jars and its JNI library.
 *
 * <p>The client unpacks its native library to the fixed file {@code /tmp/.libaws-lambda-jni.so} on every
 * start unless the system property {@value #JNI_PROPERTY} names an existing copy, so JVMs started in parallel
 * would overwrite each other's library. {@link #nativeLibrary()} extracts it once per version into
 * {@code java.io.tmpdir/bricks-lambda-ric/<version>/} and every launch passes that property.
 *
 * <p>Thread-safe; the extraction is an init-once cache.
 */
final class RuntimeClient {

    /** The main class Lambda's Java runtime starts. */
    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Read by the client's {@code JniHelper}: a path to load the JNI library from instead of unpacking it. */
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private static final String[] CLASSES_ON_RUNTIME_PATH = {
        MAIN_CLASS, // runtime interface client
        "com.amazonaws.services.lambda.runtime.RequestHandler", // aws-lambda-java-core
        "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer", // aws-lambda-java-serialization
        "software.amazon.awssdk.utilslite.SdkInternalThreadLocal", // utils-lite
    };

    private static volatile Path extracted;

    private RuntimeClient() {}

    /** Where the fat {@code bricks-local.jar} keeps the runtime client's jars whole. */
    private static final String NESTED_JARS = "META-INF/bricks-ric/";

    private static volatile List<Path> nestedExtracted;

    /**
     * The jars of the runtime client and its dependencies: from this JVM's own class path, or, when this
     * JVM runs from the fat {@code bricks-local.jar} (the client's classes come from the same jar as this
     * class), the client's own jars kept inside it, extracted once, so a function never sees bricks-local's
     * other dependencies.
     */
    static List<Path> classpath() {
        Path own = codeSource(RuntimeClient.class);
        if (own != null && Files.isRegularFile(own) && own.equals(codeSource(forName(MAIN_CLASS)))) {
            return nestedJars(own);
        }
        Set<Path> jars = new LinkedHashSet<>();
        for (String name : CLASSES_ON_RUNTIME_PATH) {
            try {
                Class<?> c = Class.forName(name, false, RuntimeClient.class.getClassLoader());
                CodeSource source = c.getProtectionDomain().getCodeSource();
                if (source == null) {
                    throw new IllegalStateException("Cannot locate the jar of " + name);
                }
                jars.add(Path.of(source.getLocation().toURI()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(
                        "The runtime interface client needs " + name
                                + " on the classpath (com.amazonaws:aws-lambda-java-runtime-interface-client)",
                        e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException("Unusable code source for " + name, e);
            }
        }
        return new ArrayList<>(jars);
    }

    private static List<Path> nestedJars(Path fatJar) {
        List<Path> p = nestedExtracted;
        if (p == null) {
            synchronized (RuntimeClient.class) {
                p = nestedExtracted;
                if (p == null) {
                    p = extractNested(fatJar);
                    nestedExtracted = p;
                }
            }
        }
        return p;
    }

    private static List<Path> extractNested(Path fatJar) {
        List<Path> out = new ArrayList<>();
        try (JarFile jar = new JarFile(fatJar.toFile())) {
            Path dir = Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "bricks-lambda-ric",
                    "jars-" + Files.size(fatJar) + "-"
                            + Files.getLastModifiedTime(fatJar).toMillis());
            Files.createDirectories(dir);
            List<JarEntry> entries = jar.stream()
                    .filter(e ->
                            e.getName().startsWith(NESTED_JARS) && e.getName().endsWith(".jar"))
                    .sorted(Comparator.comparing(JarEntry::getName))
                    .toList();
            for (JarEntry e : entries) {
                Path target = dir.resolve(e.getName().substring(NESTED_JARS.length()));
                if (!Files.isRegularFile(target) || Files.size(target) != e.getSize()) {
                    Path tmp = Files.createTempFile(dir, "jar", ".tmp");
                    try (InputStream in = jar.getInputStream(e)) {
                        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                out.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract the runtime client's jars from " + fatJar, e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(fatJar + " holds no runtime client jars under " + NESTED_JARS);
        }
        return List.copyOf(out);
    }

    private static Class<?> forName(String name) {
        try {
            return Class.forName(name, false, RuntimeClient.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The runtime interface client is not on the classpath", e);
        }
    }

    private static Path codeSource(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        try {
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The client's JNI library for this machine, extracted once; later calls return the same file. */
    static Path nativeLibrary() {
        Path p = extracted;
        if (p == null) {
            synchronized (RuntimeClient.class) {
                p = extracted;
                if (p == null) {
                    p = extract();
                    extracted = p;
                }
            }
        }
        return p;
    }

    private static Path extract() {
        String resource = "/jni/" + libraryName();
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "bricks-lambda-ric", clientJarId());
        Path target = dir.resolve("libaws-lambda-jni.so");
        try {
            Class<?> client = Class.forName(MAIN_CLASS, false, RuntimeClient.class.getClassLoader());
            try (InputStream in = client.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The runtime interface client has no native library " + resource);
                }
                byte[] bytes = in.readAllBytes();
                if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
                    return target;
                }
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "jni", ".tmp");
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return target;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not extract the runtime client's native library to " + target, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The runtime interface client is not on the classpath", e);
        }
    }

    /** The client jar's name and size, so two client versions never share an extracted library. */
    private static String clientJarId() {
        try {
            Class<?> client = Class.forName(MAIN_CLASS, false, RuntimeClient.class.getClassLoader());
            Path jar = Path.of(
                    client.getProtectionDomain().getCodeSource().getLocation().toURI());
            String name = jar.getFileName().toString();
            return (name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name) + "-" + Files.size(jar);
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** The library file inside the client jar for this OS, CPU and C library. */
    static String libraryName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            throw new UnsupportedOperationException(
                    "Lambda's runtime interface client runs on Linux only; this is " + os);
        }
        String arch = System.getProperty("os.arch", "");
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default -> throw new UnsupportedOperationException("No runtime client native library for CPU " + arch);
        };
        boolean musl = Files.exists(Path.of("/lib/ld-musl-" + (cpu.equals("x86_64") ? "x86_64" : "aarch64") + ".so.1"));
        return "libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + cpu + ".so";
    }
}
