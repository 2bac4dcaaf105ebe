package dev.bricks.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.core.processor.CompiledSamples;
import org.junit.jupiter.api.Test;

/**
 * {@code OrderPlaced} compiled with the processor ({@code OrderPlaced$$BricksEventType}) and without it (the
 * annotation read by reflection): the publisher's {@link EventTypes} gives the same source and detail-type. In
 * events' package, because {@link EventTypes} is what the publisher calls.
 */
class GeneratedEventTypeTest {

    @Test
    void of_generatedAndReflected_sameSourceAndDetailType() throws Exception {
        Class<?> generated = CompiledSamples.generated().loadClass("sample.OrderPlaced");
        Class<?> reflected = CompiledSamples.reflected().loadClass("sample.OrderPlaced");

        EventTypes.EventType fromGenerated = EventTypes.of(generated).orElseThrow();
        EventTypes.EventType fromReflection = EventTypes.of(reflected).orElseThrow();

        assertThat(fromGenerated).isEqualTo(fromReflection);
        assertThat(fromGenerated).isEqualTo(new EventTypes.EventType("orders.app", "Order \"Placed\""));
        assertThat(CompiledSamples.generatedLoaded()).contains("sample.OrderPlaced$$BricksEventType");
    }

    @Test
    void of_recordWithoutDomainEvent_emptyBothWays() throws Exception {
        Class<?> generated = CompiledSamples.generated().loadClass("sample.OrdersHandler$Created");
        Class<?> reflected = CompiledSamples.reflected().loadClass("sample.OrdersHandler$Created");

        assertThat(EventTypes.of(generated)).isEmpty();
        assertThat(EventTypes.of(reflected)).isEmpty();
    }
}
