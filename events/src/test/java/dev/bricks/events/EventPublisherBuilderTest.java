package dev.bricks.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.core.RetryPolicy;
import dev.bricks.local.eventbridge.LocalEventBridge;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

class EventPublisherBuilderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            eventBusName    | ' '  | eventBusName must be non-blank
            maxRequestBytes | 0    | maxRequestBytes must be positive, was 0
            retryPolicy     | null | retryPolicy must not be null
            """)
    void builder_badValue_illegalArgumentNamingIt(String option, String value, String message) {
        EventPublisher.Builder builder = EventPublisher.builder();
        Consumer<EventPublisher.Builder> set = switch (option) {
            case "eventBusName" -> b -> b.eventBusName(value);
            case "maxRequestBytes" -> b -> b.maxRequestBytes(Integer.parseInt(value));
            default -> b -> b.retryPolicy(null);
        };
        assertThatThrownBy(() -> set.accept(builder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void build_noRetryPolicyGiven_defaultPolicy() {
        try (LocalEventBridge bus = LocalEventBridge.builder().build().start();
                EventPublisher publisher =
                        EventPublisher.builder().client(Fixtures.client(bus)).build()) {
            assertThat(publisher.retryPolicy())
                    .isEqualTo(RetryPolicy.defaults())
                    .isEqualTo(EventPublisher.DEFAULT_RETRY_POLICY);
        }
    }

    @Test
    void defaultClient_noRegion_illegalStateNamingAwsRegion() {
        assertThatThrownBy(() -> EventPublisher.Builder.defaultClient(Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_REGION");
    }

    @Test
    void defaultClient_regionFromEnvironment() {
        try (EventBridgeClient client = EventPublisher.Builder.defaultClient(Map.of("AWS_REGION", "ap-southeast-2"))) {
            assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.AP_SOUTHEAST_2);
        }
    }

    /**
     * The builder without a client, as in a Lambda: region and credentials from the environment (surefire sets
     * AWS_REGION and the key variables), the endpoint override picked up by the SDK from its setting
     * ({@code aws.endpointUrlEventBridge}, the system-property twin of AWS_ENDPOINT_URL_EVENTBRIDGE).
     */
    @Test
    void build_withoutClient_usesEnvironmentAndEndpointOverride() {
        try (LocalEventBridge bus = LocalEventBridge.builder().build().start()) {
            System.setProperty("aws.endpointUrlEventBridge", bus.endpoint().toString());
            try (EventPublisher publisher = EventPublisher.builder().build()) {
                PublishResult<OrderPlaced> result = publisher.publish(new OrderPlaced("o-1", "u-1", 1));
                assertThat(result.allPublished()).isTrue();
                assertThat(bus.putEventsCalls()).isEqualTo(1);
            } finally {
                System.clearProperty("aws.endpointUrlEventBridge");
            }
        }
    }
}
