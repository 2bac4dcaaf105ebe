package dev.bricks.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;

/**
 * A Lambda Java managed runtime, as a template's {@code Runtime} names it, and what an archive trained on
 * another JDK means there.
 */
enum LambdaRuntime {
    JAVA17(17),
    JAVA21(21),
    JAVA25(25);

    private final int feature;

    LambdaRuntime(int feature) {
        this.feature = feature;
    }

    /** {@code java17} → {@link #JAVA17}. */
    static LambdaRuntime of(String name) throws MojoFailureException {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("bricks.runtime must be java17, java21 or java25, was " + name);
        }
    }

    /** The runtime's name as in a template. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Why an archive of {@code kind} trained on {@code training} at {@code deployment} does or does not fit this
     * runtime on Lambda, one sentence per line; the first lines are mismatches that make it useless there.
     */
    List<String> explain(ArchiveKind kind, Jdk training, String deployment) {
        List<String> lines = new ArrayList<>();
        if (feature < kind.minimumJdk()) {
            lines.add("MISMATCH: Lambda's " + id() + " runtime runs JDK " + feature + ", which cannot read "
                    + kind.description()
                    + " (JDK " + kind.minimumJdk() + "+): deploy on java" + kind.minimumJdk()
                    + " or use -Dbricks.archive.kind=CDS.");
        }
        if (training.feature() != feature) {
            lines.add("MISMATCH: trained on JDK " + training.feature() + " but Lambda's " + id() + " runtime runs JDK "
                    + feature + ": a JVM only uses an archive written by its own build, so it will be ignored there.");
        }
        lines.add("This file fits only " + training + " with the class path under " + deployment
                + ". Lambda's " + id() + " runtime is Amazon Corretto " + feature + " loading /var/task, so there it"
                + " is ignored at start (-Xshare:auto / AOTMode=auto: never wrong, but JDK 17 then starts with no"
                + " class sharing at all, slower than without the file).");
        lines.add("To ship one to Lambda, run this goal inside Lambda's base image (public.ecr.aws/lambda/java:"
                + feature + ") with the deployment unzipped at /var/task; here it speeds up local starts of "
                + deployment + ".");
        return lines;
    }
}
