package dev.bricks.maven;

import java.io.File;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal that works on the project's deployment: its jar and its runtime dependencies as {@code lib/*.jar}. */
abstract class DeploymentMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project.build.directory}/${project.build.finalName}.jar", readonly = true)
    File projectJar;

    @Parameter(defaultValue = "${project.artifacts}", readonly = true, required = true)
    Set<Artifact> artifacts;

    /** The deployment; fails when the project's jar is not built yet. */
    Deployment deployment() throws MojoFailureException {
        return Deployment.of(projectJar, artifacts);
    }
}
