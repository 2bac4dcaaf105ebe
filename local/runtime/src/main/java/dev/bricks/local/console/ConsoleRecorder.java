package dev.bricks.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bricks.local.dynamodb.CallListener;
import dev.bricks.local.dynamodb.EngineCall;
import dev.bricks.local.dynamodb.ItemChange;
import dev.bricks.local.eventbridge.AcceptedEvent;
import dev.bricks.local.eventbridge.PutEventsListener;
import dev.bricks.local.functions.FunctionEnvironments;
import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.FunctionLogs;
import dev.bricks.local.gateway.GatewayExchange;
import dev.bricks.local.gateway.GatewayObserver;
import dev.bricks.local.s3.S3ObjectWritten;
import dev.bricks.local.ses.CapturedEmail;
import dev.bricks.local.ses.MailSent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The dev console's memory: every request, invocation, item write, stream batch, event, object and mail of a
 * running local app, grouped by correlation id into traces, and the functions' log lines; all payloads redacted.
 * Fed through its hooks ({@link #recording}, {@link #logTap}, {@link #gatewayObserver}, {@link #mailListener},
 * {@link #objectListener}, {@link #itemListener}, {@link #eventListener}). A write without a correlation id is
 * given to the invocation whose function environment signed its request ({@link #attributeSignedRequests}), else
 * to a trace of its own ({@link Attribution}). Bounded: the newest {@link ConsoleLimits#traces()} traces and
 * {@link ConsoleLimits#logLines()} log lines are kept; older ones are dropped and counted.
 *
 * <p>Thread-safe: the hooks are called from many threads at once; one lock guards the buffers, and listeners
 * are told outside it.
 */
public final class ConsoleRecorder {

    private static final int BUS_EVENTS = 500;
    private static final int REMEMBERED_IDS = 20_000;
    private static final int QUEUE = 10_000;

    private final ConsoleLimits limits;
    private final Redaction redaction;
    private final Map<String, List<String>> rulesByFunction;
    private final AtomicLong seq = new AtomicLong();
    private final LinkedHashMap<String, Trace> traces = new LinkedHashMap<>();
    private final Deque<LogLine> logs = new ArrayDeque<>();
    private final Deque<ObjectNode> busEvents = new ArrayDeque<>();
    private final Map<String, List<String>> requestCorrelations = lru();
    private final Map<String, String> objectCorrelations = lru();
    /** Stream record sequence number → the trace of the write that emitted it (writes without _correlation_id). */
    private final Map<String, String> streamCorrelations = lru();
    /** Event id → the trace of the PutEvents that put it (puts attributed by their caller). */
    private final Map<String, String> eventCorrelations = lru();

    private final Map<String, FunctionStats> stats = new ConcurrentHashMap<>();
    private final Map<String, ReportFigures> reports = lru();
    private final List<InFlight> inFlight = new CopyOnWriteArrayList<>();
    private final ThreadLocal<InFlight> current = new ThreadLocal<>();
    private final List<Consumer<ObjectNode>> listeners = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor worker;
    private final LongAdder droppedRecords = new LongAdder();
    private volatile FunctionEnvironments environments;
    private long droppedTraces;
    private long droppedLogLines;

    /** An invocation under way: what its log lines are attributed to. */
    static final class InFlight {
        final String functionId;
        final List<String> correlations;
        volatile String requestId;

        InFlight(String functionId, List<String> correlations) {
            this.functionId = functionId;
            this.correlations = correlations;
        }
    }

    /**
     * @param limits how much to keep; not null
     * @param redactPaths extra JSON paths to redact, observability's {@code BRICKS_LOG_REDACT_PATHS} syntax; may
     *     be null
     * @param rulesByFunction the names of the EventBridge rules that target each function (by logical id); not
     *     null
     * @throws IllegalArgumentException when a redaction path is malformed
     */
    public ConsoleRecorder(ConsoleLimits limits, String redactPaths, Map<String, List<String>> rulesByFunction) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.redaction = new Redaction(redactPaths);
        this.rulesByFunction = Map.copyOf(rulesByFunction);
        this.worker = new ThreadPoolExecutor(
                1,
                1,
                5,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "bricks-console-recorder");
                    t.setDaemon(true);
                    return t;
                },
                (r, pool) -> droppedRecords.increment());
        worker.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs the expensive part of recording (JSON, redaction) on the recorder's own thread, in order, off the
     * request's path; beyond {@value #QUEUE} waiting records they are dropped and counted.
     */
    void later(Runnable work) {
        worker.execute(work);
    }

    /** An invoker that records every invocation through {@code target}. */
    public FunctionInvoker recording(FunctionInvoker target) {
        return new RecordingInvoker(this, Objects.requireNonNull(target, "target"));
    }

    /** The hook for {@link FunctionLogs}. */
    public FunctionLogs.LogTap logTap() {
        return this::logLine;
    }

    /** The hook for the API gateway. */
    public GatewayObserver gatewayObserver() {
        return this::exchanged;
    }

    /** The hook for the SES catcher. */
    public Consumer<MailSent> mailListener() {
        return this::mailCaptured;
    }

    /** The hook for DynamoDB: every item written, with its images, whatever the table's stream. */
    public CallListener itemListener() {
        return this::itemsWritten;
    }

    /** The hook for EventBridge: every event put, with the rules it matched (possibly none). */
    public PutEventsListener eventListener() {
        return this::eventPut;
    }

    /**
     * Attributes a request signed with a function environment's own access key to the invocation that
     * environment runs (see {@link FunctionEnvironments#requestSignedBy}); until this is called, such requests
     * are unattributed.
     */
    public void attributeSignedRequests(FunctionEnvironments functions) {
        this.environments = Objects.requireNonNull(functions, "functions");
    }

    /** The hook for the S3 service. */
    public Consumer<S3ObjectWritten> objectListener() {
        return this::objectWritten;
    }

    Redaction redaction() {
        return redaction;
    }

    ConsoleLimits limits() {
        return limits;
    }

    /** Tells {@code listener} about every change (a trace changed, a log line arrived). */
    void subscribe(Consumer<ObjectNode> listener) {
        listeners.add(listener);
    }

    void unsubscribe(Consumer<ObjectNode> listener) {
        listeners.remove(listener);
    }

    // ---- hooks ----

    InFlight started(String functionId, List<String> correlations) {
        InFlight f = new InFlight(functionId, correlations);
        inFlight.add(f);
        current.set(f);
        return f;
    }

    void finished(InFlight f) {
        inFlight.remove(f);
        current.remove();
    }

    private void logLine(String source, String requestId, String text) {
        InFlight mine = current.get();
        if (mine != null && requestId != null && text.startsWith("START RequestId: " + requestId)) {
            mine.requestId = requestId;
            synchronized (this) {
                requestCorrelations.put(requestId, mine.correlations);
            }
        }
        if (text.startsWith("REPORT RequestId: ")) {
            ReportFigures figures = ReportFigures.parse(text);
            synchronized (this) {
                reports.put(figures.requestId(), figures);
            }
        }
        String correlation = jsonCorrelation(text);
        LogLine line;
        synchronized (this) {
            if (correlation == null && requestId != null) {
                List<String> c = requestCorrelations.get(requestId);
                correlation = c == null || c.isEmpty() ? null : c.get(0);
            }
            line = new LogLine(seq.incrementAndGet(), Instant.now(), source, requestId, correlation, text);
            logs.addLast(line);
            while (logs.size() > limits.logLines()) {
                logs.removeFirst();
                droppedLogLines++;
            }
        }
        ObjectNode update = Redaction.JSON.createObjectNode();
        update.put("type", "log");
        update.put("source", source);
        update.put("requestId", requestId);
        update.put("correlationId", correlation);
        notifyListeners(update);
    }

    private static String jsonCorrelation(String text) {
        int at = text.indexOf("\"correlation_id\"");
        if (!text.startsWith("{") || at < 0) {
            return null;
        }
        try {
            String c = Redaction.JSON.readTree(text).path("correlation_id").asText("");
            return c.isEmpty() ? null : c;
        } catch (IOException e) {
            return null;
        }
    }

    private void exchanged(GatewayExchange e) {
        later(() -> record(e));
    }

    private void record(GatewayExchange e) {
        String correlation = firstHeader(e.requestHeaders(), "x-correlation-id");
        if (correlation == null) {
            correlation = e.requestId() != null ? e.requestId() : "http-" + UUID.randomUUID();
        }
        ObjectNode d = Redaction.JSON.createObjectNode();
        d.put("method", e.method());
        d.put("target", e.target());
        d.put("routeKey", e.routeKey());
        d.put("requestId", e.requestId());
        d.put("status", e.status());
        d.put("latencyMs", e.latency().toNanos() / 1e6);
        ObjectNode reqHeaders = d.putObject("requestHeaders");
        e.requestHeaders().forEach((k, v) -> reqHeaders.put(k, String.join(", ", v)));
        // named as in API Gateway's event, so paths like body.card.number apply to it as they do to the event
        d.put("body", e.requestBody().length == 0 ? null : utf8(e.requestBody()));
        ObjectNode resHeaders = d.putObject("responseHeaders");
        e.responseHeaders().forEach(h -> resHeaders.put(h.getKey(), h.getValue()));
        d.put("responseBody", e.responseBody().length == 0 ? null : utf8(e.responseBody()));
        ObjectNode redacted = (ObjectNode) redaction.redact(d);
        String title = e.method() + " " + pathOf(e.target()) + " → " + e.status() + " ("
                + String.format(Locale.ROOT, "%.1f", e.latency().toNanos() / 1e6) + " ms)";
        step(correlation, e.received(), StepKind.HTTP, title, e.functionId(), null, redacted, e.status() >= 500);
        if (e.authorizer() != null) {
            GatewayExchange.AuthorizerDecision a = e.authorizer();
            ObjectNode ad = Redaction.JSON.createObjectNode();
            ad.put("authorizer", a.name());
            ad.put("allowed", a.allowed());
            ad.put("status", a.status());
            ad.put("latencyMs", a.latencyMs());
            step(
                    correlation,
                    a.decided(),
                    StepKind.AUTHORIZER,
                    "authorizer " + a.name() + (a.allowed() ? " allowed" : " refused (" + a.status() + ")"),
                    null,
                    null,
                    ad,
                    false);
        }
    }

    private static String pathOf(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    private static String firstHeader(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                String v = h.getValue().get(0);
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private void mailCaptured(MailSent sent) {
        CapturedEmail mail = sent.mail();
        String header = MailParts.header(mail.emlAsString(), "X-Correlation-Id");
        Attributed a = header != null
                ? new Attributed(header, Attribution.CORRELATION_ID)
                : attributed(sent.callerAccessKeyId(), "mail-" + mail.messageId());
        later(() -> recordMail(mail, a));
    }

    private void recordMail(CapturedEmail mail, Attributed a) {
        String correlation = a.correlation();
        ObjectNode d = Redaction.JSON.createObjectNode();
        d.put("attribution", a.by().name());
        d.put("messageId", mail.messageId());
        d.put("from", mail.from());
        d.put("to", String.join(", ", mail.to()));
        d.put("subject", mail.subject());
        step(
                correlation,
                mail.timestamp(),
                StepKind.MAIL,
                "mail to " + String.join(", ", mail.to().isEmpty() ? mail.bcc() : mail.to()) + ": " + mail.subject(),
                null,
                null,
                d,
                false);
    }

    private void objectWritten(S3ObjectWritten o) {
        String correlation = o.userMetadata().get("correlation-id");
        if (correlation == null) {
            correlation = o.userMetadata().get("correlation_id");
        }
        Attributed a = correlation != null
                ? new Attributed(correlation, Attribution.CORRELATION_ID)
                : attributed(o.callerAccessKeyId(), "s3-" + o.bucket() + "/" + o.key());
        synchronized (this) {
            objectCorrelations.put(o.bucket() + "/" + o.key(), a.correlation());
        }
        later(() -> recordObject(o, a));
    }

    private void recordObject(S3ObjectWritten o, Attributed a) {
        String correlation = a.correlation();
        ObjectNode d = Redaction.JSON.createObjectNode();
        d.put("attribution", a.by().name());
        d.put("bucket", o.bucket());
        d.put("key", o.key());
        d.put("size", o.size());
        ObjectNode meta = d.putObject("userMetadata");
        o.userMetadata().forEach(meta::put);
        step(
                correlation,
                o.time(),
                StepKind.S3_OBJECT,
                "object s3://" + o.bucket() + "/" + o.key() + " (" + o.size() + " bytes)",
                null,
                null,
                d,
                false);
    }

    /** A trace id and how it was found. */
    record Attributed(String correlation, Attribution by) {}

    /**
     * The trace of the invocation whose environment signed with {@code accessKeyId}, else {@code ownTrace}
     * (unattributed). Called on the request's thread, while the signing invocation is still the environment's.
     */
    private Attributed attributed(String accessKeyId, String ownTrace) {
        String c = callerCorrelation(accessKeyId);
        return c != null ? new Attributed(c, Attribution.CALLER) : new Attributed(ownTrace, Attribution.NONE);
    }

    /** The first correlation id of the invocation whose environment signed with {@code accessKeyId}; else null. */
    private String callerCorrelation(String accessKeyId) {
        FunctionEnvironments functions = environments;
        if (functions == null || accessKeyId == null) {
            return null;
        }
        return functions.requestSignedBy(accessKeyId).map(this::correlationOf).orElse(null);
    }

    private void itemsWritten(EngineCall call) {
        if (!call.succeeded() || call.changes().isEmpty()) {
            return;
        }
        Instant time = Instant.now();
        String caller = callerCorrelation(call.callerAccessKeyId());
        if (caller != null) {
            synchronized (this) {
                for (ItemChange change : call.changes()) {
                    if (change.streamSequenceNumber() != null) {
                        streamCorrelations.put(change.streamSequenceNumber(), caller);
                    }
                }
            }
        }
        String ownTrace = "dynamodb-" + call.operation() + "-" + UUID.randomUUID();
        later(() -> ItemWrites.record(this, call, caller, ownTrace, time));
    }

    private void eventPut(AcceptedEvent event) {
        String caller = callerCorrelation(event.callerAccessKeyId());
        synchronized (this) {
            eventCorrelations.put(event.eventId(), caller == null ? "" : caller);
        }
        later(() -> BusEvents.record(this, event, caller));
    }

    /** The trace of the write that emitted a stream record, when known by its caller; else null. */
    synchronized String streamCorrelation(String sequenceNumber) {
        return sequenceNumber == null ? null : streamCorrelations.get(sequenceNumber);
    }

    /**
     * Whether the event was put on a bus of this app (and recorded there), and the trace of its caller: empty
     * when the event was never put (a sample event, a direct invoke); an empty string when put unattributed.
     */
    synchronized Optional<String> eventPutBy(String eventId) {
        return Optional.ofNullable(eventId == null ? null : eventCorrelations.get(eventId));
    }

    /** How many invocations of each function are running now. */
    Map<String, Integer> busyByFunction() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (InFlight f : inFlight) {
            out.merge(f.functionId, 1, Integer::sum);
        }
        return out;
    }

    /** The first correlation id of an invocation; null when unknown. */
    synchronized String correlationOf(String requestId) {
        List<String> c = requestCorrelations.get(requestId);
        return c == null || c.isEmpty() ? null : c.get(0);
    }

    synchronized String objectCorrelation(String bucket, String key) {
        return objectCorrelations.get(bucket + "/" + key);
    }

    /** The functions the rule ({@code bus/rule}) targets, by logical id. */
    List<String> functionsOf(String busAndRule) {
        List<String> out = new ArrayList<>();
        rulesByFunction.forEach((function, rules) -> {
            if (rules.contains(busAndRule)) {
                out.add(function);
            }
        });
        return out;
    }

    List<String> rulesOf(String functionId) {
        return rulesByFunction.getOrDefault(functionId, List.of());
    }

    synchronized ReportFigures report(String requestId) {
        return reports.get(requestId);
    }

    FunctionStats stats(String functionName) {
        return stats.computeIfAbsent(functionName, n -> new FunctionStats());
    }

    void busEvent(ObjectNode event) {
        synchronized (this) {
            busEvents.addFirst(event);
            while (busEvents.size() > BUS_EVENTS) {
                busEvents.removeLast();
            }
        }
    }

    /** Adds a step to the trace of {@code correlationId} (created when new; the oldest trace dropped if full). */
    void step(
            String correlationId,
            Instant time,
            StepKind kind,
            String title,
            String function,
            String requestId,
            ObjectNode detail,
            boolean failed) {
        Trace trace;
        synchronized (this) {
            TraceStep step = new TraceStep(seq.incrementAndGet(), time, kind, title, function, requestId, detail);
            trace = traces.get(correlationId);
            if (trace == null) {
                trace = new Trace(correlationId, time);
                traces.put(correlationId, trace);
                while (traces.size() > limits.traces()) {
                    traces.remove(traces.keySet().iterator().next());
                    droppedTraces++;
                }
            }
            trace.add(step, failed);
        }
        ObjectNode update = Redaction.JSON.createObjectNode();
        update.put("type", "trace");
        update.put("id", correlationId);
        update.put("kind", kind.name());
        notifyListeners(update);
    }

    private void notifyListeners(ObjectNode update) {
        for (Consumer<ObjectNode> l : listeners) {
            l.accept(update);
        }
    }

    // ---- queries ----

    /** Trace summaries, newest first, those matching {@code filter}, at most {@code limit}. */
    synchronized List<ObjectNode> traceSummaries(Predicate<Trace> filter, int limit) {
        List<ObjectNode> out = new ArrayList<>();
        List<Trace> all = new ArrayList<>(traces.values());
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            if (filter.test(all.get(i))) {
                out.add(all.get(i).summary());
            }
        }
        return out;
    }

    /** A whole trace: its steps in time order and its log lines; null when unknown (or dropped). */
    synchronized ObjectNode traceDetail(String id) {
        Trace t = traces.get(id);
        if (t == null) {
            return null;
        }
        ObjectNode out = t.summary();
        ArrayNode steps = out.putArray("steps");
        t.steps().stream()
                .sorted(Comparator.comparing(TraceStep::time).thenComparingLong(TraceStep::seq))
                .forEach(s -> steps.add(Trace.json(s)));
        ArrayNode lines = out.putArray("logs");
        for (LogLine l : logs) {
            if (id.equals(l.correlationId())
                    || (l.requestId() != null && t.requestIds().contains(l.requestId()))) {
                lines.add(logJson(l));
            }
        }
        return out;
    }

    synchronized List<LogLine> logLines(Predicate<LogLine> filter, int limit) {
        List<LogLine> out = new ArrayList<>();
        for (var it = logs.descendingIterator(); it.hasNext() && out.size() < limit; ) {
            LogLine l = it.next();
            if (filter.test(l)) {
                out.add(l);
            }
        }
        return out;
    }

    static ObjectNode logJson(LogLine l) {
        ObjectNode n = Redaction.JSON.createObjectNode();
        n.put("seq", l.seq());
        n.put("time", l.time().toString());
        n.put("source", l.source());
        n.put("requestId", l.requestId());
        n.put("correlationId", l.correlationId());
        n.put("text", l.text());
        return n;
    }

    synchronized List<ObjectNode> busEvents() {
        return new ArrayList<>(busEvents);
    }

    /** Counts: traces kept and dropped, log lines kept and dropped. */
    synchronized ObjectNode counts() {
        ObjectNode n = Redaction.JSON.createObjectNode();
        n.put("traces", traces.size());
        n.put("droppedTraces", droppedTraces);
        n.put("traceLimit", limits.traces());
        n.put("logLines", logs.size());
        n.put("droppedLogLines", droppedLogLines);
        n.put("logLineLimit", limits.logLines());
        n.put("droppedRecords", droppedRecords.sum());
        return n;
    }

    static JsonNode parse(byte[] json) {
        try {
            return Redaction.JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED_IDS;
            }
        };
    }
}
