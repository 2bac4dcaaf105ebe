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
 * {@code bricks:zip} (bound to {@code package}): the Lambda deployment zip, {@code lib/<project>.jar} plus every
 * runtime dependency as {@code lib/*.jar}, at {@code target/<finalName>-lambda.zip}, so a SAM template's
 * {@code CodeUri} can point at it (on AWS and on bricks-local).
 */
@Mojo(
        name = "zip",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class ZipMojo extends DeploymentMojo {

    /** Where the zip goes. */
    @Parameter(
            property = "bricks.zip",
            defaultValue = "${project.build.directory}/${project.build.finalName}-lambda.zip")
    File zip;

    /** Skips the goal. */
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
