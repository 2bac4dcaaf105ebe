package dev.bricks.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.plugin.MojoFailureException;

/**
 * A JDK on this machine, from its {@code release} file: where it is, its version and who built it.
 *
 * @param home the JDK's directory (holds {@code bin/java})
 * @param version {@code JAVA_VERSION}, e.g. {@code 17.0.15}
 * @param feature the feature release, e.g. 17
 * @param implementor {@code IMPLEMENTOR}, e.g. {@code Eclipse Adoptium}; "unknown" when the file has none
 */
record Jdk(Path home, String version, int feature, String implementor) {

    /** The JDK Maven runs on. */
    static Jdk current() {
        return new Jdk(
                Path.of(System.getProperty("java.home")),
                System.getProperty("java.version"),
                Runtime.version().feature(),
                System.getProperty("java.vendor", "unknown"));
    }

    /**
     * The JDK at {@code home}.
     *
     * @throws MojoFailureException when it has no {@code bin/java} or no readable {@code release} file
     */
    static Jdk at(Path home) throws MojoFailureException {
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            throw new MojoFailureException("no JDK at " + home + " (no bin/java)");
        }
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            throw new MojoFailureException("cannot read the JDK's release file in " + home + ": " + e.getMessage());
        }
        String version = unquote(release.getProperty("JAVA_VERSION", ""));
        if (version.isEmpty()) {
            throw new MojoFailureException(home.resolve("release") + " has no JAVA_VERSION");
        }
        int feature = Integer.parseInt(version.split("[.+-]")[0]);
        return new Jdk(home, version, feature, unquote(release.getProperty("IMPLEMENTOR", "unknown")));
    }

    private static String unquote(String v) {
        return v.replace("\"", "").trim();
    }

    @Override
    public String toString() {
        return "JDK " + version + " (" + implementor + ", " + home + ")";
    }
}
