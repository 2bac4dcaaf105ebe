package dev.bricks.maven;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;

/**
 * A Lambda Java deployment package: the project's jar and every runtime dependency as {@code lib/*.jar}, the
 * layout Lambda's Java runtime loads from {@code /var/task} (and the one a class-data archive can be trained on:
 * classes from jars only). Entries are sorted and carry one fixed time, so the same inputs give the same zip.
 */
final class Deployment {

    /** Zip entry time: the earliest a zip can hold, so builds are reproducible. */
    private static final FileTime ENTRY_TIME = FileTime.from(Instant.parse("1980-01-01T00:00:00Z"));

    private final Map<String, Path> libs;

    private Deployment(Map<String, Path> libs) {
        this.libs = libs;
    }

    /**
     * The project's jar plus its runtime dependencies (compile and runtime scope jars).
     *
     * @throws MojoFailureException when the project's jar has not been built
     */
    static Deployment of(File projectJar, Collection<Artifact> artifacts) throws MojoFailureException {
        if (projectJar == null || !projectJar.isFile()) {
            throw new MojoFailureException("no project jar at " + projectJar + ": the deployment needs the jar that"
                    + " `package` builds (packaging jar); run the goal in the package phase or after it");
        }
        Map<String, Path> libs = new LinkedHashMap<>();
        libs.put("lib/" + projectJar.getName(), projectJar.toPath());
        artifacts.stream()
                .filter(a -> a.getFile() != null && a.getFile().getName().endsWith(".jar"))
                .filter(a -> Artifact.SCOPE_COMPILE.equals(a.getScope()) || Artifact.SCOPE_RUNTIME.equals(a.getScope()))
                .sorted(Comparator.comparing(Artifact::getId))
                .forEach(a -> {
                    String name = "lib/" + a.getFile().getName();
                    if (libs.containsKey(name)) {
                        name = "lib/" + a.getGroupId() + "." + a.getFile().getName();
                    }
                    libs.put(name, a.getFile().toPath());
                });
        return new Deployment(libs);
    }

    /** The entry names, {@code lib/<jar>}, in zip order. */
    List<String> entries() {
        return libs.keySet().stream().sorted().toList();
    }

    /** Writes the zip; replaces {@code zip} if present. */
    void writeZip(Path zip) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(
                zip.toAbsolutePath().getParent(), zip.getFileName().toString(), ".tmp");
        try (OutputStream file = Files.newOutputStream(tmp);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (String name : entries()) {
                ZipEntry entry = new ZipEntry(name);
                entry.setLastModifiedTime(ENTRY_TIME);
                out.putNextEntry(entry);
                Files.copy(libs.get(name), out);
                out.closeEntry();
            }
        }
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes the deployment unzipped into {@code dir} (emptied first): {@code dir/lib/*.jar}. */
    void writeDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (String name : entries()) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(libs.get(name), target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
