package dev.bricks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private static final RetryPolicy NO_JITTER = RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(50))
            .maxBackoff(Duration.ofMillis(1000))
            .jitter(RetryPolicy.Jitter.NONE)
            .build();

    @ParameterizedTest
    @CsvSource({"1,50", "2,100", "3,200", "5,800", "6,1000", "40,1000", "100,1000"})
    void delay_doublesPerRetry_cappedAtMax(int retry, long expectedMillis) {
        assertThat(NO_JITTER.delay(retry, 0.7)).isEqualTo(Duration.ofMillis(expectedMillis));
    }

    @Test
    void delay_fullJitter_spansZeroToBackoff() {
        RetryPolicy full = NO_JITTER.toBuilder().jitter(RetryPolicy.Jitter.FULL).build();
        assertThat(full.delay(3, 0.0)).isEqualTo(Duration.ZERO);
        assertThat(full.delay(3, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(full.delay(3, 0.999_999_999)).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
    }

    @Test
    void delay_equalJitter_spansHalfToBackoff() {
        RetryPolicy equal =
                NO_JITTER.toBuilder().jitter(RetryPolicy.Jitter.EQUAL).build();
        assertThat(equal.delay(3, 0.0)).isEqualTo(Duration.ofMillis(100));
        assertThat(equal.delay(3, 0.5)).isEqualTo(Duration.ofMillis(150));
    }

    @Test
    void attempts_stopAtDeadline_withoutSleepingPastIt() {
        FakeTicker clock = new FakeTicker(Duration.ZERO);
        RetryPolicy.Attempts attempts =
                NO_JITTER.toBuilder().deadline(Duration.ofMillis(400)).build().start(clock);
        while (attempts.pause()) {
            // 50 + 100 + 200 fit in 400 ms; 400 more does not
        }
        assertThat(attempts.retries()).isEqualTo(3);
        assertThat(clock.slept).isEqualTo(Duration.ofMillis(350));
        assertThat(attempts.remaining()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void attempts_lateWakeUps_neverSleepPastDeadline() {
        // every sleep overruns by 60 ms, as on a loaded machine: 110, 270 — a 200 ms pause would then end at 470
        FakeTicker clock = new FakeTicker(Duration.ofMillis(60));
        RetryPolicy.Attempts attempts =
                NO_JITTER.toBuilder().deadline(Duration.ofMillis(400)).build().start(clock);
        while (attempts.pause()) {
            // the third pause is refused without sleeping
        }
        assertThat(attempts.retries()).isEqualTo(2);
        assertThat(clock.slept).isEqualTo(Duration.ofMillis(270));
    }

    @Test
    void attempts_systemClock_sleepsTheDelay() {
        RetryPolicy.Attempts attempts = NO_JITTER.start();
        long start = System.nanoTime();
        assertThat(attempts.pause()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(attempts.retries()).isEqualTo(1);
    }

    /** A clock that moves only when slept on, each sleep overrunning by a fixed lateness. */
    private static final class FakeTicker implements RetryPolicy.Ticker {
        private final Duration lateness;
        private Duration slept = Duration.ZERO;

        FakeTicker(Duration lateness) {
            this.lateness = lateness;
        }

        @Override
        public long nanoTime() {
            return slept.toNanos();
        }

        @Override
        public void sleep(Duration delay) {
            slept = slept.plus(delay).plus(lateness);
        }
    }

    @Test
    void none_neverRetries() {
        assertThat(RetryPolicy.none().retries()).isFalse();
        assertThat(RetryPolicy.none().start().pause()).isFalse();
        assertThat(RetryPolicy.defaults().retries()).isTrue();
    }

    @Test
    void builder_rejectsInconsistentValues_namingThem() {
        assertThatThrownBy(() ->
                        RetryPolicy.builder().initialBackoff(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initialBackoff");
        assertThatThrownBy(() ->
                        RetryPolicy.builder().deadline(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("deadline");
        assertThatThrownBy(() -> RetryPolicy.builder()
                        .initialBackoff(Duration.ofSeconds(2))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBackoff");
        assertThatThrownBy(() -> RetryPolicy.builder().deadline(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("deadline");
    }

    @Test
    void delay_rejectsRetryZero() {
        assertThatThrownBy(() -> NO_JITTER.delay(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
