package dev.bricks.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks {@code bricks:archive} makes before it lays anything out or starts a JVM. */
class ArchiveMojoTest {

    @TempDir
    Path dir;

    private ArchiveMojo mojo(ArchiveKind kind, Path jdk) throws Exception {
        ArchiveMojo mojo = new ArchiveMojo();
        mojo.handler = "com.example.Orders";
        mojo.trainingEvent = Files.writeString(dir.resolve("event.json"), "{}").toFile();
        mojo.kind = kind;
        mojo.runtime = "java17";
        mojo.jdk = jdk.toFile();
        mojo.projectJar = dir.resolve("target/app-1.0.jar").toFile();
        mojo.artifacts = Set.of();
        mojo.deploymentDirectory = dir.resolve("target/lambda").toFile();
        return mojo;
    }

    private Path fakeJdk(String version) throws Exception {
        Path home = dir.resolve("jdk-" + version);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(home.resolve("bin/java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void execute_aotCacheWithJdk17_failsSayingItNeeds25() throws Exception {
        ArchiveMojo mojo = mojo(ArchiveKind.AOT, fakeJdk("17.0.15"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("an AOT cache needs JDK 25 or newer to train, and JDK 17.0.15 (Test, ")
                .hasMessageEndingWith("or use -Dbricks.archive.kind=CDS");
    }

    @Test
    void execute_noJdkThere_failsNamingTheDirectory() throws Exception {
        ArchiveMojo mojo = mojo(ArchiveKind.CDS, dir.resolve("nope"));

        assertThatThrownBy(mojo::execute).hasMessage("no JDK at " + dir.resolve("nope") + " (no bin/java)");
    }

    @Test
    void execute_projectJarNotBuilt_failsBeforeStartingAnything() throws Exception {
        ArchiveMojo mojo = mojo(ArchiveKind.CDS, fakeJdk("17.0.15"));

        assertThatThrownBy(mojo::execute).hasMessageStartingWith("no project jar at " + mojo.projectJar);
    }

    @Test
    void execute_noHandler_failsSayingWhatToSet() throws Exception {
        ArchiveMojo mojo = mojo(ArchiveKind.CDS, fakeJdk("17.0.15"));
        mojo.handler = null;

        assertThatThrownBy(mojo::execute).hasMessageStartingWith("no handler: set -Dbricks.handler=com.example.Orders");
    }
}
