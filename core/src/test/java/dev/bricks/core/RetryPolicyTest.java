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
        RetryPolicy policy =
                NO_JITTER.toBuilder().deadline(Duration.ofMillis(400)).build();
        RetryPolicy.Attempts attempts = policy.start();
        long start = System.nanoTime();
        while (attempts.pause()) {
            // 50 + 100 + 200 fit in 400 ms; 400 more does not
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(attempts.retries()).isEqualTo(3);
        // 350 ms of sleeps; 200 ms of slack for a loaded machine's late wake-ups (the failure this guards, a
        // fourth pause of 400 ms, would end at 750 ms)
        assertThat(elapsedMillis).isLessThan(550);
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
