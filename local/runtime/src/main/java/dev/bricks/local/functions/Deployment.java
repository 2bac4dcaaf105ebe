package dev.bricks.local.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One version of a function's built artifact, ready to run: a directory or jar as is, a zip extracted to a
 * private directory (deleted by {@link #discard()}). {@link #fingerprint(Path)} tells when the artifact on
 * disk has changed.
 */
record Deployment(Path artifact, Path runnable, String fingerprint, boolean extracted) {

    static Deployment of(Path artifact, String functionName) {
        String fingerprint = fingerprint(artifact);
        if (Files.isRegularFile(artifact) && artifact.getFileName().toString().endsWith(".zip")) {
            return new Deployment(artifact, unzip(artifact, functionName), fingerprint, true);
        }
        return new Deployment(artifact, artifact, fingerprint, false);
    }

    /** Size and modification time of the file, or of every file under the directory. */
    static String fingerprint(Path artifact) {
        try {
            if (Files.isRegularFile(artifact)) {
                return Files.size(artifact) + "@"
                        + Files.getLastModifiedTime(artifact).toMillis();
            }
            try (Stream<Path> files = Files.walk(artifact)) {
                long[] sum = new long[3];
                files.forEach(p -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                        sum[0]++;
                        sum[1] += a.size();
                        sum[2] = Math.max(sum[2], a.lastModifiedTime().toMillis());
                    } catch (IOException e) {
                        sum[0]--;
                    }
                });
                return sum[0] + "/" + sum[1] + "@" + sum[2];
            }
        } catch (IOException | UncheckedIOException e) {
            return "missing";
        }
    }

    /** Deletes the extracted copy, if any. */
    void discard() {
        if (!extracted) {
            return;
        }
        try (Stream<Path> files = Files.walk(runnable)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temporary directory
        }
    }

    private static Path unzip(Path zip, String functionName) {
        try {
            Path dir = Files.createTempDirectory("bricks-local-" + functionName + "-");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    Path target = dir.resolve(e.getName()).normalize();
                    if (!target.startsWith(dir)) {
                        throw new IOException("zip entry outside the archive: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        copy(in, target);
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + zip + ": " + e.getMessage(), e);
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
