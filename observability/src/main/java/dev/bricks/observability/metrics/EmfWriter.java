package dev.bricks.observability.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes CloudWatch Embedded Metric Format documents, one JSON object per line, each with one write call.
 * Enforces the specification's limits by splitting into several lines: at most {@value #MAX_METRICS}
 * metric definitions per directive, at most {@value #MAX_VALUES} values per metric member and at most
 * {@value #MAX_DIMENSIONS} keys per dimension set. When the dimensions need more than one set, the leading
 * <em>pinned</em> ones (the default dimensions, {@code service} first) are repeated in every set, so no
 * line's metric lacks them. Uses jackson-core only. Immutable and thread-safe.
 *
 * <p>Most code records on {@link EmfMeterRegistry}; {@link #writeOne} writes a single value now.
 */
public final class EmfWriter {

    static final int MAX_METRICS = 100;
    static final int MAX_VALUES = 100;
    static final int MAX_DIMENSIONS = 30;
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One metric's values since the last flush.
     *
     * @param name the metric name (a top-level member); never null
     * @param unit a CloudWatch unit name ({@code Count}, {@code Milliseconds}, {@code None}, …)
     * @param values the values, at least one
     */
    record Datum(String name, String unit, double[] values) {}

    private final String namespace;
    private final boolean highResolution;

    /**
     * A writer for one namespace.
     *
     * @param namespace      the CloudWatch namespace; never null
     * @param highResolution whether metrics are stored at 1-second resolution
     */
    public EmfWriter(String namespace, boolean highResolution) {
        this.namespace = namespace;
        this.highResolution = highResolution;
    }

    /**
     * Writes one metric with one value as one line, e.g. {@code ColdStart} = 1.
     *
     * @param out        where the line goes
     * @param timestampMillis epoch milliseconds of the value
     * @param dimensions dimension names and values, all in one dimension set (at most {@value #MAX_DIMENSIONS})
     * @param name       the metric name
     * @param unit       a CloudWatch unit name, e.g. {@link EmfUnit#COUNT}
     * @param value      the value
     * @throws IllegalArgumentException when there are more than {@value #MAX_DIMENSIONS} dimensions
     */
    public void writeOne(
            PrintStream out,
            long timestampMillis,
            Map<String, String> dimensions,
            String name,
            String unit,
            double value) {
        write(out, timestampMillis, dimensions, dimensions.size(), List.of(new Datum(name, unit, new double[] {value
        })));
    }

    /**
     * Writes the data sharing one set of dimension values, as many lines as the limits need.
     *
     * @param pinned how many leading dimensions go into every dimension set; below {@value #MAX_DIMENSIONS}
     *               unless they are all the dimensions
     * @throws IllegalArgumentException when the pinned dimensions leave no room in a set for the others
     */
    void write(PrintStream out, long timestampMillis, Map<String, String> dimensions, int pinned, List<Datum> data) {
        if (data.isEmpty()) {
            return;
        }
        List<List<String>> dimensionChunks = dimensionSets(new ArrayList<>(dimensions.keySet()), pinned);
        int blocks = 0;
        for (Datum datum : data) {
            blocks = Math.max(blocks, (datum.values().length + MAX_VALUES - 1) / MAX_VALUES);
        }
        for (int block = 0; block < blocks; block++) {
            List<Datum> inBlock = new ArrayList<>();
            for (Datum datum : data) {
                int from = block * MAX_VALUES;
                if (from < datum.values().length) {
                    inBlock.add(new Datum(
                            datum.name(),
                            datum.unit(),
                            Arrays.copyOfRange(
                                    datum.values(), from, Math.min(datum.values().length, from + MAX_VALUES))));
                }
            }
            for (int i = 0; i < inBlock.size(); i += MAX_METRICS) {
                List<Datum> chunk = inBlock.subList(i, Math.min(inBlock.size(), i + MAX_METRICS));
                for (List<String> dimensionKeys : dimensionChunks) {
                    byte[] bytes = line(timestampMillis, dimensions, dimensionKeys, chunk);
                    out.write(bytes, 0, bytes.length);
                    out.flush();
                }
            }
        }
    }

    /**
     * Splits dimension keys into sets of at most {@value #MAX_DIMENSIONS}, the first {@code pinned} in each.
     *
     * @throws IllegalArgumentException when the pinned keys leave no room and there are more keys
     */
    static List<List<String>> dimensionSets(List<String> keys, int pinned) {
        if (keys.size() <= MAX_DIMENSIONS) {
            return List.of(keys);
        }
        if (pinned >= MAX_DIMENSIONS) {
            throw new IllegalArgumentException(pinned + " default dimensions leave no room for a meter's tags: "
                    + "an EMF dimension set holds at most " + MAX_DIMENSIONS + " keys, and the default dimensions "
                    + "are repeated in each (" + keys.subList(0, pinned) + ")");
        }
        List<String> head = keys.subList(0, pinned);
        List<String> rest = keys.subList(pinned, keys.size());
        int room = MAX_DIMENSIONS - pinned;
        List<List<String>> sets = new ArrayList<>();
        for (int i = 0; i < rest.size(); i += room) {
            List<String> set = new ArrayList<>(head);
            set.addAll(rest.subList(i, Math.min(rest.size(), i + room)));
            sets.add(set);
        }
        return sets;
    }

    private byte[] line(long timestamp, Map<String, String> dimensions, List<String> dimensionKeys, List<Datum> data) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 + 64 * data.size());
        try (JsonGenerator g = JSON.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", timestamp);
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", namespace);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            for (String key : dimensionKeys) {
                g.writeString(key);
            }
            g.writeEndArray();
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            for (Datum datum : data) {
                g.writeStartObject();
                g.writeStringField("Name", datum.name());
                g.writeStringField("Unit", datum.unit());
                if (highResolution) {
                    g.writeNumberField("StorageResolution", 1);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
                g.writeStringField(dimension.getKey(), dimension.getValue());
            }
            for (Datum datum : data) {
                g.writeFieldName(datum.name());
                if (datum.values().length == 1) {
                    writeNumber(g, datum.values()[0]);
                } else {
                    g.writeStartArray();
                    for (double value : datum.values()) {
                        writeNumber(g, value);
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.write('\n');
        return buffer.toByteArray();
    }

    private static void writeNumber(JsonGenerator g, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            g.writeNumber((long) value);
        } else {
            g.writeNumber(value);
        }
    }
}
