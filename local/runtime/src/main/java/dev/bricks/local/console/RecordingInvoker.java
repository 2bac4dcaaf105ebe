package dev.bricks.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.InvokeOutcome;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Records every invocation through it: the trigger's steps told by the event's shape (item writes and the
 * stream batch, the event and the rules it matched), then the invocation with its outcome and REPORT figures,
 * each in the trace of its correlation id (core's rules per trigger). Thread-safe.
 */
final class RecordingInvoker implements FunctionInvoker {

    private final ConsoleRecorder recorder;
    private final FunctionInvoker target;

    RecordingInvoker(ConsoleRecorder recorder, FunctionInvoker target) {
        this.recorder = recorder;
        this.target = target;
    }

    @Override
    public InvokeOutcome invoke(String functionId, byte[] event) {
        Instant started = Instant.now();
        JsonNode json = ConsoleRecorder.parse(event);
        EventShape shape = EventShape.of(json);
        List<String> correlations = before(functionId, shape, json, started);
        ConsoleRecorder.InFlight inFlight = recorder.started(functionId, correlations);
        InvokeOutcome outcome;
        try {
            outcome = target.invoke(functionId, event);
        } finally {
            recorder.finished(inFlight);
        }
        recorder.later(() -> after(functionId, shape, event, outcome, correlations, started));
        return outcome;
    }

    /** Records what the trigger did before the function ran; the invocation's correlation ids (at least one). */
    private List<String> before(String functionId, EventShape shape, JsonNode json, Instant time) {
        List<String> out = new ArrayList<>();
        switch (shape) {
            case HTTP, AUTHORIZER -> out.add(EventShape.httpCorrelation(json));
            case EVENTBRIDGE -> {
                // put on a bus of this app: recorded there, with its caller's trace unless the detail names one
                Optional<String> putBy = recorder.eventPutBy(json.path("id").asText(null));
                String own = json.path("detail").path("_correlation_id").asText("");
                String c =
                        !own.isEmpty() || putBy.orElse("").isEmpty() ? EventShape.eventCorrelation(json) : putBy.get();
                out.add(c);
                if (putBy.isEmpty()) {
                    recorder.later(() -> eventStep(functionId, json, c, time));
                }
            }
            case STREAM -> {
                List<String> perRecord = new ArrayList<>();
                for (JsonNode r : json.path("Records")) {
                    perRecord.add(streamRecordCorrelation(r));
                }
                out.addAll(perRecord);
                recorder.later(() -> streamSteps(functionId, json, perRecord, time));
            }
            case S3 -> {
                for (JsonNode r : json.path("Records")) {
                    String bucket = r.path("s3").path("bucket").path("name").asText();
                    String key = URLDecoder.decode(
                            r.path("s3").path("object").path("key").asText(), StandardCharsets.UTF_8);
                    String c = recorder.objectCorrelation(bucket, key);
                    out.add(c != null ? c : "s3-" + bucket + "/" + key);
                }
            }
            case OTHER -> {
                String c = json == null ? null : json.path("_correlation_id").asText(null);
                if (c == null && json != null) {
                    c = EventShape.header(json.path("headers"), "x-correlation-id");
                }
                out.add(c != null ? c : "invoke-" + UUID.randomUUID());
            }
        }
        out.removeIf(c -> c == null || c.isEmpty());
        if (out.isEmpty()) {
            out.add("invoke-" + UUID.randomUUID());
        }
        return out.stream().distinct().toList();
    }

    private void eventStep(String functionId, JsonNode event, String correlation, Instant time) {
        List<String> rules = recorder.rulesOf(functionId);
        ObjectNode d = Redaction.JSON.createObjectNode();
        d.put("id", event.path("id").asText());
        d.put("source", event.path("source").asText());
        d.put("detailType", event.path("detail-type").asText());
        d.put("correlationId", correlation);
        d.put("function", functionId);
        ArrayNode r = d.putArray("rules");
        rules.forEach(r::add);
        d.set("event", recorder.redaction().redact(event));
        String title = "event " + event.path("source").asText() + " / "
                + event.path("detail-type").asText() + " matched "
                + (rules.isEmpty() ? "a rule" : String.join(", ", rules)) + " → " + functionId;
        recorder.step(correlation, time, StepKind.EVENT, title, functionId, null, d, false);
        ObjectNode bus = d.deepCopy();
        bus.put("time", time.toString());
        recorder.busEvent(bus);
    }

    /**
     * Core's rule for a stream record ({@code _correlation_id} of its images, else its {@code eventID}), except
     * that a record of a write signed by a function environment joins that invocation's trace.
     */
    private String streamRecordCorrelation(JsonNode record) {
        String c = EventShape.streamRecordCorrelation(record);
        if (c != null && !c.equals(record.path("eventID").asText(null))) {
            return c;
        }
        String writer = recorder.streamCorrelation(
                record.path("dynamodb").path("SequenceNumber").asText(null));
        return writer != null ? writer : c;
    }

    /** The batch in each trace its records belong to (the item writes themselves are recorded when written). */
    private void streamSteps(String functionId, JsonNode json, List<String> correlations, Instant time) {
        Map<String, Integer> perCorrelation = new LinkedHashMap<>();
        String table = "";
        for (JsonNode r : json.path("Records")) {
            table = tableOf(r.path("eventSourceARN").asText());
        }
        for (String c : correlations) {
            if (c != null) {
                perCorrelation.merge(c, 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : perCorrelation.entrySet()) {
            ObjectNode d = Redaction.JSON.createObjectNode();
            d.put("table", table);
            d.put("function", functionId);
            d.put("records", json.path("Records").size());
            d.put("recordsOfThisTrace", e.getValue());
            recorder.step(
                    e.getKey(),
                    time,
                    StepKind.STREAM_BATCH,
                    "stream batch of " + json.path("Records").size() + " from " + table + " → " + functionId,
                    functionId,
                    null,
                    d,
                    false);
        }
    }

    private static String tableOf(String streamArn) {
        int at = streamArn.indexOf(":table/");
        if (at < 0) {
            return streamArn;
        }
        String rest = streamArn.substring(at + ":table/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private void after(
            String functionId,
            EventShape shape,
            byte[] event,
            InvokeOutcome outcome,
            List<String> correlations,
            Instant started) {
        ReportFigures report = recorder.report(outcome.requestId());
        FunctionStats stats = recorder.stats(functionId);
        stats.invoked(outcome.duration(), outcome.coldStart(), !outcome.succeeded());
        if (report != null) {
            stats.report(report.line());
        }
        ObjectNode d = Redaction.JSON.createObjectNode();
        d.put("function", functionId);
        d.put("trigger", shape.name());
        d.put("requestId", outcome.requestId());
        d.put("coldStart", outcome.coldStart());
        d.put("durationMs", outcome.duration().toNanos() / 1e6);
        if (report != null) {
            d.put("initDurationMs", report.initDurationMs());
            d.put("memorySizeMb", report.memorySizeMb());
            d.put("maxMemoryUsedMb", report.maxMemoryUsedMb());
            d.put("report", report.line());
        }
        d.put("succeeded", outcome.succeeded());
        d.put("errorType", outcome.errorType());
        d.set("event", recorder.redaction().redactPayload(event));
        d.set("result", recorder.redaction().redactPayload(outcome.payload()));
        String title = functionId + (outcome.coldStart() ? " cold" : " warm") + " "
                + String.format(Locale.ROOT, "%.1f", outcome.duration().toNanos() / 1e6) + " ms"
                + (report != null && report.initDurationMs() != null
                        ? String.format(Locale.ROOT, " (init %.0f ms)", report.initDurationMs())
                        : "")
                + (outcome.succeeded() ? " ok" : " failed: " + outcome.errorType());
        for (String c : correlations) {
            recorder.step(
                    c, started, StepKind.INVOCATION, title, functionId, outcome.requestId(), d, !outcome.succeeded());
        }
    }
}
