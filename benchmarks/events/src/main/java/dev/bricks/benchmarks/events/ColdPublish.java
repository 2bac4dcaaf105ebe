package dev.bricks.benchmarks.events;

import dev.bricks.benchmarks.events.PublishBenchmark.OrderPlaced;
import dev.bricks.events.EventPublisher;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * One cold publish in a fresh JVM, for {@code coldstart.sh}: build a publisher, publish one event to the bus
 * named by {@code AWS_ENDPOINT_URL_EVENTBRIDGE}, exit. Argument {@code chain}: the publisher's default client
 * (its credentials chain); {@code env-only}: the same client with {@link EnvironmentVariableCredentialsProvider}
 * alone (the former default), for comparison.
 */
public final class ColdPublish {

    private ColdPublish() {}

    public static void main(String[] args) {
        String variant = args.length > 0 ? args[0] : "chain";
        EventPublisher.Builder builder = EventPublisher.builder();
        if (variant.equals("env-only")) {
            builder.client(EventBridgeClient.builder()
                    .region(Region.of(System.getenv("AWS_REGION")))
                    .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                    .httpClient(UrlConnectionHttpClient.create())
                    .build());
        } else if (!variant.equals("chain")) {
            throw new IllegalArgumentException("variant must be chain or env-only, was " + variant);
        }
        try (EventPublisher publisher = builder.build()) {
            publisher.publish(new OrderPlaced("o-1", "u-1", 1)).orThrow();
        }
        System.out.println("published");
    }
}
