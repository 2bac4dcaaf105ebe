package dev.bricks.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.Route;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestContextTest {

    /** Answers what the handler sees of its context. */
    public static final class Budget extends HttpHandler {
        @Route(method = HttpMethod.GET, path = "/budget")
        Map<String, Object> budget(Context context) {
            return Map.of("requestId", context.getAwsRequestId(), "remaining", context.getRemainingTimeInMillis());
        }
    }

    @Test
    void getRemainingTimeInMillis_fixedClock_isTheBudgetSet() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
        TestContext context = TestContext.builder()
                .requestId("req-7")
                .remainingTime(Duration.ofMillis(250))
                .clock(clock)
                .build();

        HttpResult response = TestInvoker.invoke(
                        new Budget(), HttpEvents.v2().get("/budget").build(), context)
                .http();

        BricksAssertions.assertThat(response)
                .hasStatus(200)
                .hasJsonBody(Map.of("requestId", "req-7", "remaining", 250));
    }

    @Test
    void getRemainingTimeInMillis_pastTheDeadline_isZero() {
        Instant start = Instant.parse("2026-12-03T09:00:00Z");
        MutableClock clock = new MutableClock(start);
        TestContext context = TestContext.builder()
                .remainingTime(Duration.ofSeconds(1))
                .clock(clock)
                .build();

        clock.now = start.plusSeconds(5);

        assertThat(context.getRemainingTimeInMillis()).isZero();
    }

    @Test
    void create_defaults_areDocumented() {
        TestContext context = TestContext.create();

        assertThat(context.getAwsRequestId()).isEqualTo(TestContext.DEFAULT_REQUEST_ID);
        assertThat(context.getMemoryLimitInMB()).isEqualTo(512);
        assertThat(context.getRemainingTimeInMillis()).isBetween(29_000, 30_000);
        assertThat(context.getInvokedFunctionArn()).endsWith(":function:test-function");
    }

    @Test
    void memoryMb_outsideLambdasRange_isRejected() {
        assertThatThrownBy(() -> TestContext.builder().memoryMb(64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("memoryMb must be in 128..10240, was 64");
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
