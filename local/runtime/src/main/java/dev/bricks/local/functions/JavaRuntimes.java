package dev.bricks.local.functions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Maps a template's {@code Runtime} ({@code java17}, {@code java21}, {@code java25}) to a JDK on this machine:
 * the JDK of that feature version if one is installed (this JVM's own, then {@code /usr/lib/jvm/*}), else a
 * newer one (Temurin 25 when present) or this JVM's, with a warning. Stateless.
 */
public final class JavaRuntimes {

    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");

    private JavaRuntimes() {}

    /**
     * The JDK to run {@code runtime} on.
     *
     * @param runtime e.g. {@code java21}; not null
     * @return the JDK and, when it is not an exact match, a warning for the start-up output; never null
     */
    public static Choice resolve(String runtime) {
        int wanted = version(runtime);
        Path own = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() == wanted) {
            return new Choice(own, null);
        }
        Optional<Path> exact = installed().filter(p -> featureOf(p) == wanted).findFirst();
        if (exact.isPresent()) {
            return new Choice(exact.get(), null);
        }
        Optional<Path> newer =
                installed().filter(p -> featureOf(p) > wanted).min(Comparator.comparingInt(JavaRuntimes::featureOf));
        Path chosen = newer.orElse(own);
        return new Choice(
                chosen, "Runtime " + runtime + ": no JDK " + wanted + " on this machine; running on " + chosen);
    }

    /**
     * The JDK chosen for a runtime.
     *
     * @param javaHome the JDK; never null
     * @param warning why it is not an exact match; null when it is
     */
    public record Choice(Path javaHome, String warning) {}

    private static int version(String runtime) {
        String digits = runtime.replaceFirst("^java", "").replaceFirst("\\..*$", "");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Runtime.version().feature();
        }
    }

    private static Stream<Path> installed() {
        if (!Files.isDirectory(JVM_DIR)) {
            return Stream.empty();
        }
        try (Stream<Path> dirs = Files.list(JVM_DIR)) {
            return dirs
                    .filter(p -> Files.isExecutable(p.resolve("bin/java")) && !Files.isSymbolicLink(p))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    /** The feature version from the JDK's {@code release} file; 0 if unknown. */
    static int featureOf(Path javaHome) {
        try (Stream<String> lines = Files.lines(javaHome.resolve("release"))) {
            return lines.filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(v -> v.startsWith("1.") ? v.substring(2) : v)
                    .map(v -> v.split("[.+-]")[0])
                    .mapToInt(Integer::parseInt)
                    .findFirst()
                    .orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
