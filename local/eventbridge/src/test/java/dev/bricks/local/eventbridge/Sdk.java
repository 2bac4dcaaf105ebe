package dev.bricks.local.eventbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** Test fixtures: the real SDK client pointed at a local bus, entries, a recording target. */
final class Sdk {

    private Sdk() {}

    static EventBridgeClient client(LocalEventBridge bus) {
        return EventBridgeClient.builder()
                .endpointOverride(bus.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static PutEventsRequestEntry entry(String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder()
                .source(source)
                .detailType(detailType)
                .detail(detail)
                .build();
    }

    /** A target that records every delivery and can be told to fail its first calls. */
    static final class Recorder implements EventTarget {
        final List<DeliveredEvent> deliveries = new CopyOnWriteArrayList<>();
        private final int failures;

        Recorder() {
            this(0);
        }

        Recorder(int failures) {
            this.failures = failures;
        }

        @Override
        public void deliver(DeliveredEvent event) {
            deliveries.add(event);
            if (deliveries.size() <= failures) {
                throw new IllegalStateException("target down (call " + deliveries.size() + ")");
            }
        }

        List<String> envelopes() {
            List<String> out = new ArrayList<>();
            deliveries.forEach(d -> out.add(d.envelopeJson()));
            return out;
        }
    }
}
