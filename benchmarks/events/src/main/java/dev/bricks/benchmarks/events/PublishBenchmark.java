package dev.bricks.benchmarks.events;

import dev.bricks.events.DomainEvent;
import dev.bricks.events.EventPublisher;
import dev.bricks.events.PublishResult;
import dev.bricks.local.eventbridge.LocalEventBridge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Publishes n events (default 10 000) with one {@code publishAll} through {@link EventPublisher} and the real
 * SDK client to a {@link LocalEventBridge} with one matching rule, and reports events/s and the PutEvents
 * calls the bus received (must be ⌈n/10⌉ when nothing fails). Two warm-up rounds, then three measured ones.
 */
public final class PublishBenchmark {

    /** A small event, like the seed's. */
    @DomainEvent(source = "orders.app", detailType = "OrderPlaced")
    public record OrderPlaced(String orderId, String userId, int itemCount) {}

    private PublishBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        List<OrderPlaced> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            events.add(new OrderPlaced("o-" + i, "u-" + (i % 100), 1 + i % 5));
        }
        AtomicLong delivered = new AtomicLong();
        try (LocalEventBridge bus = LocalEventBridge.builder().build().start();
                EventBridgeClient client = EventBridgeClient.builder()
                        .endpointOverride(bus.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "x")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
                EventPublisher publisher =
                        EventPublisher.builder().client(client).build()) {
            bus.addRule(
                    "orders-to-inventory",
                    "{\"source\":[\"orders.app\"],\"detail-type\":[\"OrderPlaced\"]}",
                    event -> delivered.incrementAndGet());
            System.out.printf(
                    Locale.ROOT,
                    "events=%d java=%s cpus=%d%n",
                    n,
                    Runtime.version(),
                    Runtime.getRuntime().availableProcessors());
            for (int round = 1; round <= 5; round++) {
                boolean warmup = round <= 2;
                long callsBefore = bus.putEventsCalls();
                long deliveredBefore = delivered.get();
                long start = System.nanoTime();
                PublishResult<OrderPlaced> result = publisher.publishAll(events);
                long published = System.nanoTime();
                if (!bus.awaitDeliveries(Duration.ofMinutes(1))) {
                    throw new IllegalStateException("deliveries did not finish");
                }
                long done = System.nanoTime();
                long calls = bus.putEventsCalls() - callsBefore;
                System.out.printf(
                        Locale.ROOT,
                        "%s round %d: published=%d failed=%d putEventsCalls(bus)=%d putEventsCalls(publisher)=%d "
                                + "expected=%d publish=%.0f events/s (%.0f ms) delivered=%d end-to-end=%.0f events/s%n",
                        warmup ? "warm-up " : "measured",
                        round,
                        result.published().size(),
                        result.failed().size(),
                        calls,
                        result.putEventsCalls(),
                        (n + 9) / 10,
                        n / ((published - start) / 1e9),
                        (published - start) / 1e6,
                        delivered.get() - deliveredBefore,
                        n / ((done - start) / 1e9));
                if (result.failed().isEmpty() && calls != (n + 9) / 10) {
                    throw new IllegalStateException("expected " + (n + 9) / 10 + " PutEvents calls, bus saw " + calls);
                }
            }
        }
    }
}
