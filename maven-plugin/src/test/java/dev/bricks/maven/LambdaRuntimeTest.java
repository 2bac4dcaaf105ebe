package dev.bricks.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class LambdaRuntimeTest {

    private static final Jdk TEMURIN_17 = new Jdk(Path.of("/jdk17"), "17.0.15", 17, "Eclipse Adoptium");
    private static final Jdk TEMURIN_25 = new Jdk(Path.of("/jdk25"), "25.0.1", 25, "Eclipse Adoptium");

    @Test
    void explain_sameFeatureRelease_saysOnlyTheBuildAndPathsDiffer() {
        List<String> lines = LambdaRuntime.JAVA17.explain(ArchiveKind.CDS, TEMURIN_17, "/app/target/lambda");

        assertThat(lines).noneMatch(l -> l.startsWith("MISMATCH"));
        assertThat(lines.get(0))
                .contains(
                        "fits only JDK 17.0.15 (Eclipse Adoptium, /jdk17) with the class path under /app/target/lambda")
                .contains("Lambda's java17 runtime is Amazon Corretto 17 loading /var/task");
        assertThat(lines.get(1)).contains("public.ecr.aws/lambda/java:17");
    }

    @Test
    void explain_aotCacheForJava17_saysJava17CannotReadIt() {
        List<String> lines = LambdaRuntime.JAVA17.explain(ArchiveKind.AOT, TEMURIN_25, "/t");

        assertThat(lines.get(0))
                .isEqualTo("MISMATCH: Lambda's java17 runtime runs JDK 17, which cannot read an AOT cache (JDK 25+):"
                        + " deploy on java25 or use -Dbricks.archive.kind=CDS.");
        assertThat(lines.get(1)).startsWith("MISMATCH: trained on JDK 25 but Lambda's java17 runtime runs JDK 17");
    }

    @Test
    void explain_trainedOn17ForJava21_saysItWillBeIgnored() {
        assertThat(LambdaRuntime.JAVA21.explain(ArchiveKind.CDS, TEMURIN_17, "/t"))
                .first()
                .asString()
                .contains("trained on JDK 17 but Lambda's java21 runtime runs JDK 21")
                .contains("ignored there");
    }

    @Test
    void of_unknownRuntime_failsListingTheKnownOnes() {
        assertThatThrownBy(() -> LambdaRuntime.of("java11"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("bricks.runtime must be java17, java21 or java25, was java11");
    }
}
