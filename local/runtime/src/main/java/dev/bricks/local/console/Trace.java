package dev.bricks.local.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Everything recorded under one correlation id. Not thread-safe: guarded by the {@link ConsoleRecorder}. */
final class Trace {

    private final String id;
    private final Instant started;
    private final List<TraceStep> steps = new ArrayList<>();
    private final Set<String> functions = new LinkedHashSet<>();
    private final Set<String> requestIds = new LinkedHashSet<>();
    private Instant updated;
    private String title;
    private Integer status;
    private boolean failed;
    private long droppedSteps;

    Trace(String id, Instant started) {
        this.id = id;
        this.started = started;
        this.updated = started;
    }

    void add(TraceStep step, boolean stepFailed) {
        if (steps.size() >= ConsoleLimits.STEPS_PER_TRACE) {
            droppedSteps++;
        } else {
            steps.add(step);
        }
        if (step.time().isAfter(updated)) {
            updated = step.time();
        }
        if (step.function() != null) {
            functions.add(step.function());
        }
        if (step.requestId() != null) {
            requestIds.add(step.requestId());
        }
        if (step.kind() == StepKind.HTTP) {
            title = step.title();
            status = step.detail().path("status").asInt();
        } else if (title == null) {
            title = step.title();
        }
        failed |= stepFailed;
    }

    String id() {
        return id;
    }

    List<TraceStep> steps() {
        return steps;
    }

    Set<String> requestIds() {
        return requestIds;
    }

    Set<String> functions() {
        return functions;
    }

    Integer status() {
        return status;
    }

    boolean failed() {
        return failed;
    }

    String title() {
        return title;
    }

    /** Whether any of the words in {@code query} (lower case) is in the id, title, a function or the status. */
    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        for (String word : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            boolean hit = id.toLowerCase(Locale.ROOT).contains(word)
                    || (title != null && title.toLowerCase(Locale.ROOT).contains(word))
                    || functions.stream()
                            .anyMatch(f -> f.toLowerCase(Locale.ROOT).contains(word))
                    || (status != null && String.valueOf(status).equals(word))
                    || (failed && word.equals("error"));
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    ObjectNode summary() {
        ObjectNode n = Redaction.JSON.createObjectNode();
        n.put("id", id);
        n.put("title", title);
        n.put("started", started.toString());
        n.put("updated", updated.toString());
        n.put("status", status);
        n.put("failed", failed);
        n.put("stepCount", steps.size());
        n.put("droppedSteps", droppedSteps);
        ArrayNode fns = n.putArray("functions");
        functions.forEach(fns::add);
        ArrayNode kinds = n.putArray("kinds");
        steps.stream().map(s -> s.kind().name()).distinct().forEach(kinds::add);
        return n;
    }

    static ObjectNode json(TraceStep s) {
        ObjectNode n = Redaction.JSON.createObjectNode();
        n.put("seq", s.seq());
        n.put("time", s.time().toString());
        n.put("kind", s.kind().name());
        n.put("title", s.title());
        n.put("function", s.function());
        n.put("requestId", s.requestId());
        n.set("detail", s.detail());
        return n;
    }
}
