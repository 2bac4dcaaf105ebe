package dev.bricks.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.ArtifactHandler;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentTest {

    /** What Maven's own handler for type {@code jar} says (its class lives in maven-core, which we do not use). */
    private static final ArtifactHandler JAR = new ArtifactHandler() {
        @Override
        public String getExtension() {
            return "jar";
        }

        @Override
        public String getDirectory() {
            return "jars";
        }

        @Override
        public String getClassifier() {
            return null;
        }

        @Override
        public String getPackaging() {
            return "jar";
        }

        @Override
        public boolean isIncludesDependencies() {
            return false;
        }

        @Override
        public String getLanguage() {
            return "java";
        }

        @Override
        public boolean isAddedToClasspath() {
            return true;
        }
    };

    @TempDir
    Path dir;

    private File jar(String name, String content) throws IOException {
        Path p = dir.resolve("repo").resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content).toFile();
    }

    private Artifact artifact(String group, String id, String scope) throws IOException {
        DefaultArtifact a = new DefaultArtifact(group, id, "1.0", scope, "jar", null, JAR);
        a.setFile(jar(group + "/" + id + "-1.0.jar", group + ":" + id));
        return a;
    }

    @Test
    void writeZip_projectAndDependencies_everyJarUnderLibAndNoTestOrProvidedScope() throws Exception {
        Deployment deployment = Deployment.of(
                jar("app-1.0.jar", "app"),
                List.of(
                        artifact("com.z", "zeta", Artifact.SCOPE_RUNTIME),
                        artifact("com.a", "alpha", Artifact.SCOPE_COMPILE),
                        artifact("org.junit", "junit", Artifact.SCOPE_TEST),
                        artifact("com.p", "servlet", Artifact.SCOPE_PROVIDED)));
        Path zip = dir.resolve("out/app-lambda.zip");

        deployment.writeZip(zip);

        try (ZipFile z = new ZipFile(zip.toFile())) {
            List<String> names = Collections.list(z.entries()).stream()
                    .map(ZipEntry::getName)
                    .toList();
            assertThat(names).containsExactly("lib/alpha-1.0.jar", "lib/app-1.0.jar", "lib/zeta-1.0.jar");
            assertThat(new String(
                            z.getInputStream(z.getEntry("lib/app-1.0.jar")).readAllBytes()))
                    .isEqualTo("app");
        }
    }

    @Test
    void writeZip_sameInputsTwice_sameBytes() throws Exception {
        Deployment deployment =
                Deployment.of(jar("app-1.0.jar", "app"), List.of(artifact("com.a", "alpha", Artifact.SCOPE_COMPILE)));
        Path first = dir.resolve("first.zip");
        Path second = dir.resolve("second.zip");

        deployment.writeZip(first);
        Thread.sleep(1100);
        deployment.writeZip(second);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void of_twoJarsWithOneFileName_keepsBothNamedByGroup() throws Exception {
        Deployment deployment = Deployment.of(
                jar("app-1.0.jar", "app"),
                List.of(
                        artifact("com.one", "util", Artifact.SCOPE_COMPILE),
                        artifact("com.two", "util", Artifact.SCOPE_COMPILE)));

        assertThat(deployment.entries())
                .containsExactly("lib/app-1.0.jar", "lib/com.two.util-1.0.jar", "lib/util-1.0.jar");
    }

    @Test
    void writeDirectory_oldFilesThere_leavesOnlyTheDeployment() throws Exception {
        Path out = dir.resolve("lambda");
        Files.createDirectories(out.resolve("classes"));
        Files.writeString(out.resolve("classes/Stale.class"), "old");

        Deployment.of(jar("app-1.0.jar", "app"), List.of()).writeDirectory(out);

        try (var files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> out.relativize(p).toString()))
                    .containsExactly("lib/app-1.0.jar");
        }
    }

    @Test
    void of_projectJarNotBuilt_failsSayingPackageBuildsIt() {
        assertThatThrownBy(() -> Deployment.of(dir.resolve("target/app-1.0.jar").toFile(), List.of()))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("no project jar at")
                .hasMessageContaining("`package` builds");
    }
}
