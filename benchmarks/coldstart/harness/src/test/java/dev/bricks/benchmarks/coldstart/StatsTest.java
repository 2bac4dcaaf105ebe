package dev.bricks.benchmarks.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void of_oddCount_medianIsTheMiddleAndP90IsNearestRank() {
        assertThat(Stats.of(List.of(5.0, 1.0, 3.0, 2.0, 4.0))).isEqualTo(new Stats(5, 3.0, 5.0));
    }

    @Test
    void of_twentyValues_medianAveragesTheMiddlePairAndP90IsTheEighteenth() {
        List<Double> v = new java.util.ArrayList<>();
        for (int i = 20; i >= 1; i--) {
            v.add((double) i);
        }
        assertThat(Stats.of(v)).isEqualTo(new Stats(20, 10.5, 18.0));
    }

    @Test
    void of_empty_isNaN() {
        Stats s = Stats.of(List.of());
        assertThat(s.n()).isZero();
        assertThat(s.median()).isNaN();
    }
}
