package dev.bricks.observability.logback;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Iterator;
import net.logstash.logback.argument.StructuredArgument;
import net.logstash.logback.marker.LogstashMarker;
import org.slf4j.Marker;

/**
 * logstash-logback-encoder's structured arguments ({@code StructuredArguments.kv(…)}) and markers
 * ({@code Markers.append(…)}) for {@link JsonLineEncoder}, written as logstash's {@code ArgumentsJsonProvider} and
 * {@code LogstashMarkersJsonProvider} write them (top-level fields). This class is loaded only when a log line
 * carries an argument that is not a plain value, or a marker, so a line without them loads nothing of logstash.
 * When logstash-logback-encoder is not on the class path, such values are ignored. Stateless, thread-safe.
 */
final class LogstashValues {

    private static final boolean PRESENT = present();

    private LogstashValues() {}

    private static boolean present() {
        try {
            Class.forName("net.logstash.logback.marker.LogstashMarker", false, LogstashValues.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Writes {@code argument}'s fields if it is a logstash structured argument. */
    static void writeArgument(JsonGenerator generator, Object argument) throws IOException {
        if (PRESENT && argument instanceof StructuredArgument structured) {
            structured.writeTo(generator);
        }
    }

    /** Writes the fields of {@code marker} and of the markers it references that are logstash markers. */
    static void writeMarker(JsonGenerator generator, Marker marker) throws IOException {
        if (!PRESENT || marker == null) {
            return;
        }
        if (marker instanceof LogstashMarker logstash) {
            logstash.writeTo(generator);
        }
        if (marker.hasReferences()) {
            for (Iterator<Marker> it = marker.iterator(); it.hasNext(); ) {
                writeMarker(generator, it.next());
            }
        }
    }
}
