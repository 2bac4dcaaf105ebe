package dev.bricks.events;

import dev.bricks.local.eventbridge.DeliveredEvent;
import dev.bricks.local.eventbridge.EventTarget;
import dev.bricks.local.eventbridge.LocalEventBridge;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** Test fixtures: the real SDK client on a local bus, orders, a recording target. */
final class Fixtures {

    /** The {@code "_event_id":"…"} member the publisher adds (a version-7 UUID), as a regular expression. */
    static final String EVENT_ID =
            "\"_event_id\":\"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"";
    /** Bytes the {@code "_event_id":"<uuid>",} member adds to a detail. */
    static final int EVENT_ID_MEMBER_BYTES = "\"_event_id\":\"\",".length() + 36;

    private Fixtures() {}

    static EventBridgeClient client(LocalEventBridge bus) {
        return EventBridgeClient.builder()
                .endpointOverride(bus.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static List<OrderPlaced> orders(int n) {
        List<OrderPlaced> orders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            orders.add(new OrderPlaced("o-" + i, "u-" + (i % 3), 1 + i % 5));
        }
        return orders;
    }

    /** Records every delivery. */
    static final class Recorder implements EventTarget {
        final List<DeliveredEvent> deliveries = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(DeliveredEvent event) {
            deliveries.add(event);
        }
    }
}
