package dev.bricks.maven;

import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the Lambda deployment zip at {@code package}: the project's jar and every compile- and runtime-scope
 * dependency as {@code lib/*.jar} (no test or provided dependencies), the layout Lambda's Java runtime loads from
 * {@code /var/task}. Point a SAM template's {@code CodeUri} at it, on AWS and on bricks-local. Entries are sorted and
 * carry one fixed time, so the same inputs give a byte-identical zip. Fails when the project's jar is not built.
 */
@Mojo(
        name = "zip",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class ZipMojo extends DeploymentMojo {

    /** The zip file to write; default {@code target/<artifactId>-<version>-lambda.zip}. */
    @Parameter(
            property = "bricks.zip",
            defaultValue = "${project.build.directory}/${project.build.finalName}-lambda.zip")
    File zip;

    /** Skips the goal: no zip is written. */
    @Parameter(property = "bricks.zip.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("bricks:zip skipped");
            return;
        }
        Deployment deployment = deployment();
        try {
            deployment.writeZip(zip.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + zip + ": " + e.getMessage(), e);
        }
        getLog().info("bricks:zip " + zip + " (" + deployment.entries().size()
                + " jars in lib/); point the template's CodeUri at it");
    }
}
