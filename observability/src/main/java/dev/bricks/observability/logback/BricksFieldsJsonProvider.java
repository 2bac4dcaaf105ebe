package dev.bricks.observability.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.bricks.observability.LogFields;
import java.io.IOException;
import net.logstash.logback.composite.AbstractJsonProvider;

/**
 * logstash-logback-encoder provider writing Bricks' Lambda fields in a fixed order: {@code service},
 * {@code function_name}, {@code function_version}, {@code function_memory_size} (number) computed once per
 * environment, then the per-invocation MDC values {@code function_arn}, {@code function_request_id},
 * {@code cold_start} (boolean), {@code correlation_id}, {@code xray_trace_id} and {@code debug_sampled}.
 * Unknown values are left out.
 *
 * <p>Usable in a user's own logback.xml as
 * {@code <provider class="dev.bricks.observability.logback.BricksFieldsJsonProvider"/>} inside a
 * {@code LoggingEventCompositeJsonEncoder}'s {@code <providers>} (exclude {@link LogFields#MDC_KEYS} from its
 * {@code <mdc>} provider); {@link BricksJsonEncoder} has it already. Thread-safe.
 */
public class BricksFieldsJsonProvider extends AbstractJsonProvider<ILoggingEvent> {

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        LambdaFields.write(generator, event);
    }
}
