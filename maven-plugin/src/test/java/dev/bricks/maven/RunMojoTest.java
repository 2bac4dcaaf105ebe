package dev.bricks.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunMojoTest {

    @Test
    void duration_isoValue_parsed() throws Exception {
        assertThat(RunMojo.duration("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(RunMojo.duration(null)).isNull();
    }

    @Test
    void duration_notIso_failsWithAnExample() {
        assertThatThrownBy(() -> RunMojo.duration("30s"))
                .hasMessage("bricks.runFor must be an ISO-8601 duration like PT30S, was 30s");
        assertThatThrownBy(() -> RunMojo.duration("PT0S")).hasMessage("bricks.runFor must be positive, was PT0S");
    }
}
