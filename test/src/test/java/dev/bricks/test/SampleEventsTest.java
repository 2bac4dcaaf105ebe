package dev.bricks.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.core.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SampleEventsTest {

    static final java.util.List<String> NAMES = SampleEvents.NAMES;

    @ParameterizedTest
    @FieldSource("NAMES")
    void load_everyName_isAJsonObjectFromTheJar(String name) {
        assertThat(Json.read(SampleEvents.load(name), Map.class)).isNotEmpty();
        assertThat(SampleEvents.load(name + ".json")).isEqualTo(SampleEvents.load(name));
    }

    @Test
    void load_unknownName_listsTheKnownOnes() {
        assertThatThrownBy(() -> SampleEvents.load("http-v3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no sample event 'http-v3'")
                .hasMessageContaining("sqs-fifo-batch");
    }
}
