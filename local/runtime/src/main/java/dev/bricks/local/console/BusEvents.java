package dev.bricks.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bricks.local.eventbridge.AcceptedEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a PutEvents entry the bus accepted into an {@link StepKind#EVENT} step and a bus-view entry: the rules it
 * matched (possibly none: shown as unmatched) and the targets it goes to, in the trace of its detail's
 * {@code _correlation_id}, else of the invocation that signed the put, else of its event id (core's rule, so
 * the consumers' invocations join it). Runs on the recorder's thread.
 */
final class BusEvents {

    private BusEvents() {}

    static void record(ConsoleRecorder recorder, AcceptedEvent event, String caller) {
        JsonNode envelope = ConsoleRecorder.parse(event.envelope().getBytes(StandardCharsets.UTF_8));
        String own = envelope == null
                ? ""
                : envelope.path("detail").path("_correlation_id").asText("");
        ConsoleRecorder.Attributed a = !own.isEmpty()
                ? new ConsoleRecorder.Attributed(own, Attribution.CORRELATION_ID)
                : caller != null
                        ? new ConsoleRecorder.Attributed(caller, Attribution.CALLER)
                        : new ConsoleRecorder.Attributed(event.eventId(), Attribution.NONE);
        boolean unmatched = event.matchedRules().isEmpty();
        ObjectNode d = Redaction.JSON.createObjectNode();
        d.put("attribution", a.by().name());
        d.put("id", event.eventId());
        d.put("bus", event.busName());
        d.put("source", event.source());
        d.put("detailType", event.detailType());
        d.put("correlationId", a.correlation());
        d.put("unmatched", unmatched);
        ArrayNode rules = d.putArray("rules");
        List<String> functionIds = new ArrayList<>();
        for (String rule : event.matchedRules()) {
            rules.add(event.busName() + "/" + rule);
            functionIds.addAll(recorder.functionsOf(event.busName() + "/" + rule));
        }
        ArrayNode functions = d.putArray("functions");
        functionIds.forEach(functions::add);
        String function = functionIds.isEmpty() ? null : functionIds.get(0);
        d.put("function", function);
        ArrayNode targets = d.putArray("targets");
        event.targetArns().forEach(targets::add);
        d.set("event", envelope == null ? null : recorder.redaction().redact(envelope));
        String title = "event " + event.source() + " / " + event.detailType() + " on " + event.busName()
                + (unmatched
                        ? " matched no rule"
                        : " matched " + String.join(", ", event.matchedRules()) + " → "
                                + (functionIds.isEmpty()
                                        ? event.targetArns().size() + " target(s)"
                                        : String.join(", ", functionIds)));
        recorder.step(a.correlation(), event.accepted(), StepKind.EVENT, title, function, null, d, false);
        ObjectNode bus = d.deepCopy();
        bus.put("time", event.accepted().toString());
        recorder.busEvent(bus);
    }
}
