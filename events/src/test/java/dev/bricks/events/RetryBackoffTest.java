package dev.bricks.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.core.RetryPolicy;
import dev.bricks.local.eventbridge.EntryFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The time between retry rounds, as seen on the wire: the SDK client records when each PutEvents request
 * leaves (an {@link ExecutionInterceptor}, the SDK's own hook), the local bus fails entries on demand.
 */
class RetryBackoffTest extends LocalBusTest {

    private final List<Long> sentAtNanos = new CopyOnWriteArrayList<>();
    private final List<Long> answeredAtNanos = new CopyOnWriteArrayList<>();

    private EventBridgeClient timedClient() {
        return EventBridgeClient.builder()
                .endpointOverride(bus.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        sentAtNanos.add(System.nanoTime());
                    }

                    @Override
                    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
                        answeredAtNanos.add(System.nanoTime());
                    }
                }))
                .build();
    }

    /** From each answer to the next request: the publisher's pause (without the round trip). */
    private List<Duration> gapsBetweenCalls() {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < sentAtNanos.size(); i++) {
            gaps.add(Duration.ofNanos(sentAtNanos.get(i) - answeredAtNanos.get(i - 1)));
        }
        return gaps;
    }

    /**
     * Sleeps only ever get longer on a busy machine, so each pause is checked against its lower bound, and the
     * cap against the sum: 7 pauses capped at 40 ms sleep 260 ms; doubling without a cap would sleep 2 540 ms.
     */
    @Test
    void publish_retryableFailuresWithoutJitter_delayDoublesUpToTheCap() {
        bus.failNextEntries(7, EntryFault.THROTTLING);
        RetryPolicy policy = RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(20))
                .maxBackoff(Duration.ofMillis(40))
                .jitter(RetryPolicy.Jitter.NONE)
                .deadline(Duration.ofSeconds(30))
                .build();

        try (EventBridgeClient client = timedClient()) {
            PublishResult<OrderPlaced> result = EventPublisher.builder()
                    .client(client)
                    .retryPolicy(policy)
                    .build()
                    .publish(new OrderPlaced("o-1", "u", 1));

            assertThat(result.allPublished()).isTrue();
            assertThat(result.putEventsCalls()).isEqualTo(8);
        }
        List<Duration> gaps = gapsBetweenCalls();
        assertThat(gaps).hasSize(7);
        assertThat(gaps.get(0)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        assertThat(gaps.subList(1, 7)).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(40)));
        assertThat(gaps.stream().reduce(Duration.ZERO, Duration::plus)).isLessThan(Duration.ofMillis(2_000));
    }

    /** Full jitter draws each pause from [0, 400 ms]; six all at 300 ms or more has probability 0.25^6 = 0.0002. */
    @Test
    void publish_retryableFailuresWithFullJitter_somePausesShorterThanTheBackoff() {
        bus.failNextEntries(6, EntryFault.INTERNAL_FAILURE);
        RetryPolicy policy = RetryPolicy.builder()
                .initialBackoff(Duration.ofMillis(400))
                .maxBackoff(Duration.ofMillis(400))
                .jitter(RetryPolicy.Jitter.FULL)
                .deadline(Duration.ofSeconds(30))
                .build();

        try (EventBridgeClient client = timedClient()) {
            PublishResult<OrderPlaced> result = EventPublisher.builder()
                    .client(client)
                    .retryPolicy(policy)
                    .build()
                    .publish(new OrderPlaced("o-1", "u", 1));

            assertThat(result.allPublished()).isTrue();
        }
        List<Duration> gaps = gapsBetweenCalls();
        assertThat(gaps).hasSize(6);
        assertThat(gaps).anySatisfy(gap -> assertThat(gap).isLessThan(Duration.ofMillis(300)));
    }

    @Test
    void publish_retryPolicyNone_noRetryFailureReturned() {
        bus.failNextEntries(1, EntryFault.THROTTLING);

        try (EventBridgeClient client = timedClient()) {
            PublishResult<OrderPlaced> result = EventPublisher.builder()
                    .client(client)
                    .retryPolicy(RetryPolicy.none())
                    .build()
                    .publish(new OrderPlaced("o-1", "u", 1));

            assertThat(result.putEventsCalls()).isEqualTo(1);
            assertThat(result.failed()).singleElement().satisfies(f -> {
                assertThat(f.errorCode()).isEqualTo("ThrottlingException");
                assertThat(f.retryable()).isTrue();
                assertThat(f.attempts()).isEqualTo(1);
            });
        }
    }
}
