package dev.bricks.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** Builds deployments for tests: a directory with {@code lib/functions.jar} holding the given classes (also used by the gateway tests). */
public final class TestFunctions {

    private TestFunctions() {}

    public static Path deployment(Path dir, Class<?>... classes) {
        try {
            Path lib = Files.createDirectories(dir.resolve("lib"));
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(lib.resolve("functions.jar")))) {
                for (Class<?> c : classes) {
                    String entry = c.getName().replace('.', '/') + ".class";
                    Path classFile = Path.of(c.getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI())
                            .resolve(entry);
                    jar.putNextEntry(new JarEntry(entry));
                    Files.copy(classFile, jar);
                    jar.closeEntry();
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
