package dev.bricks.maven;

import dev.bricks.local.app.Endpoints;
import dev.bricks.local.app.LocalApp;
import dev.bricks.local.app.LocalAppOptions;
import dev.bricks.local.dynamodb.LocalDynamoDb;
import dev.bricks.local.eventbridge.LocalEventBridge;
import dev.bricks.local.runtime.FunctionProcess;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * The endpoints a training run calls: configured ones, or local engines started here and stopped by
 * {@link #close()} — the template's (tables, buses, buckets; through bricks-local) when there is one, else an
 * empty in-memory DynamoDB and EventBridge. Not thread-safe; one per goal execution.
 */
final class TrainingEngines implements AutoCloseable {

    private final URI dynamoDb;
    private final URI eventBridge;
    private final URI s3;
    private final URI ses;
    private final AutoCloseable[] started;
    private final String description;

    private TrainingEngines(
            URI dynamoDb, URI eventBridge, URI s3, URI ses, String description, AutoCloseable... started) {
        this.dynamoDb = dynamoDb;
        this.eventBridge = eventBridge;
        this.s3 = s3;
        this.ses = ses;
        this.description = description;
        this.started = started;
    }

    /** The configured endpoints (either may be null: that service is not set for the function). */
    static TrainingEngines configured(URI dynamoDb, URI eventBridge) {
        return new TrainingEngines(dynamoDb, eventBridge, null, null, "the configured endpoints");
    }

    /** bricks-local on the template: its tables, buses and buckets exist, functions do not run. */
    static TrainingEngines fromTemplate(Path template) {
        LocalApp app = LocalApp.start(
                template,
                LocalAppOptions.builder()
                        .port(0)
                        .logs(new PrintStream(OutputStream.nullOutputStream()))
                        .colour(false)
                        .build());
        Endpoints e = app.endpoints();
        return new TrainingEngines(
                e.dynamoDb(), e.eventBridge(), e.s3(), e.ses(), "bricks-local on " + template.getFileName(), app);
    }

    /** An empty in-memory DynamoDB and EventBridge. */
    static TrainingEngines empty() {
        LocalDynamoDb dynamo = LocalDynamoDb.start();
        LocalEventBridge bus = LocalEventBridge.builder().build().start();
        return new TrainingEngines(
                dynamo.endpoint(), bus.endpoint(), null, null, "an empty local DynamoDB and EventBridge", bus, dynamo);
    }

    /** Points the function at the endpoints ({@code AWS_ENDPOINT_URL_*}). */
    FunctionProcess.Builder apply(FunctionProcess.Builder function) {
        if (dynamoDb != null) {
            function.dynamoDbEndpoint(dynamoDb);
        }
        if (eventBridge != null) {
            function.eventBridgeEndpoint(eventBridge);
        }
        if (s3 != null) {
            function.environment("AWS_ENDPOINT_URL_S3", s3.toString());
        }
        if (ses != null) {
            function.environment("AWS_ENDPOINT_URL_SESV2", ses.toString());
        }
        return function;
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        for (AutoCloseable c : started) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort: the engines are in memory and die with Maven's JVM anyway
            }
        }
    }
}
