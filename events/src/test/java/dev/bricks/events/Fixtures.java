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

    private Fixtures() {
    }

    static EventBridgeClient client(LocalEventBridge bus) {
        return EventBridgeClient.builder()
                .endpointOverride(bus.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
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
