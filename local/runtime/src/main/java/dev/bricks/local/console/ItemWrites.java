package dev.bricks.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bricks.local.dynamodb.EngineCall;
import dev.bricks.local.dynamodb.ItemChange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the items a DynamoDB call changed into {@link StepKind#ITEM_WRITE} steps: keys, old and new image, the
 * attributes added, removed and changed, each in the trace of the item's {@code _correlation_id} (core's stream
 * rule), else of the invocation that signed the call, else a trace of the call's own. Runs on the recorder's
 * thread.
 */
final class ItemWrites {

    private ItemWrites() {}

    static void record(ConsoleRecorder recorder, EngineCall call, String caller, String ownTrace, Instant time) {
        for (ItemChange change : call.changes()) {
            JsonNode oldImage = change.oldImage() == null ? null : ConsoleRecorder.parse(utf8(change.oldImage()));
            JsonNode newImage = change.newImage() == null ? null : ConsoleRecorder.parse(utf8(change.newImage()));
            JsonNode keys = ConsoleRecorder.parse(utf8(change.keys()));
            String own = correlationIn(newImage);
            if (own == null) {
                own = correlationIn(oldImage);
            }
            ConsoleRecorder.Attributed a = own != null
                    ? new ConsoleRecorder.Attributed(own, Attribution.CORRELATION_ID)
                    : caller != null
                            ? new ConsoleRecorder.Attributed(caller, Attribution.CALLER)
                            : new ConsoleRecorder.Attributed(ownTrace, Attribution.NONE);
            Redaction redaction = recorder.redaction();
            ObjectNode d = Redaction.JSON.createObjectNode();
            d.put("attribution", a.by().name());
            d.put("table", change.table());
            d.put("operation", call.operation());
            d.put("eventName", change.kind().name());
            d.put("sequenceNumber", change.streamSequenceNumber());
            d.set("keys", redaction.redact(keys));
            d.set("oldImage", oldImage == null ? null : redaction.redact(oldImage));
            d.set("newImage", newImage == null ? null : redaction.redact(newImage));
            d.set("diff", diff(oldImage, newImage));
            String title = change.kind().name().toLowerCase(Locale.ROOT) + " item in " + change.table() + " " + keys
                    + (change.kind() == ItemChange.Kind.MODIFY
                            ? " (changed " + changedNames(d.path("diff")) + ")"
                            : "");
            recorder.step(a.correlation(), time, StepKind.ITEM_WRITE, title, null, null, d, false);
        }
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String correlationIn(JsonNode image) {
        String c = image == null ? "" : image.path("_correlation_id").path("S").asText("");
        return c.isEmpty() ? null : c;
    }

    /** The attribute names added, removed and changed from {@code before} to {@code after} (either may be null). */
    static ObjectNode diff(JsonNode before, JsonNode after) {
        ObjectNode diff = Redaction.JSON.createObjectNode();
        ArrayNode added = diff.putArray("added");
        ArrayNode removed = diff.putArray("removed");
        ArrayNode changed = diff.putArray("changed");
        if (after != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode was = before == null ? null : before.get(e.getKey());
                if (was == null) {
                    added.add(e.getKey());
                } else if (!was.equals(e.getValue())) {
                    changed.add(e.getKey());
                }
            }
        }
        if (before != null) {
            for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (after == null || !after.has(name)) {
                    removed.add(name);
                }
            }
        }
        return diff;
    }

    private static String changedNames(JsonNode diff) {
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {"added", "removed", "changed"}) {
            for (JsonNode name : diff.path(part)) {
                b.append(b.isEmpty() ? "" : ", ").append(name.asText());
            }
        }
        return b.isEmpty() ? "nothing" : b.toString();
    }
}
