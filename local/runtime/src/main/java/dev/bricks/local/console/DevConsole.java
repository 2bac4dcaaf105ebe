package dev.bricks.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bricks.local.functions.AsyncDeadLetter;
import dev.bricks.local.functions.AsyncInvoker;
import dev.bricks.local.functions.FunctionEnvironments;
import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.InvokeOutcome;
import dev.bricks.local.gateway.LocalApiGateway;
import dev.bricks.local.ses.CapturedEmail;
import dev.bricks.local.ses.LocalSes;
import dev.bricks.local.streams.DynamoDbStreamSource;
import dev.bricks.local.streams.StreamFailure;
import dev.bricks.local.template.FunctionDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * bricks-local's dev console: a small static front end and its JSON API under {@value #PATH} on the API gateway's
 * loopback port — traces by correlation id, functions, tables, buckets, mails, bus events, dead letters — with
 * live updates as server-sent events. Only invoke and redrive change anything, and they need the per-start
 * {@link #token()}; every request must name this loopback host, and a request from another origin is refused
 * (no CORS).
 *
 * <pre>{@code
 * DevConsole console = DevConsole.builder(recorder).invoker(recordingInvoker).port(gateway.port()).build();
 * console.mountOn(gateway);   // http://127.0.0.1:<port>/_bricks/
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} ends the live streams.
 */
public final class DevConsole implements AutoCloseable {

    /** Where the console is mounted on the gateway. */
    public static final String PATH = "/_bricks";
    /** Concurrent live-update streams at most (each holds one gateway thread). */
    public static final int MAX_STREAMS = 8;

    private static final System.Logger LOG = System.getLogger(DevConsole.class.getName());
    private static final int MAX_INVOKE_BYTES = 6 * 1024 * 1024;

    private final Builder b;
    private final ConsoleGuard guard;
    private final TableBrowser tables;
    private final BucketBrowser buckets;
    private final SampleEvents samples;
    private final LiveUpdates live;
    private final ExecutorService redrives = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bricks-console-redrive");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong redriven = new AtomicLong();

    private DevConsole(Builder b) {
        this.b = b;
        this.guard = new ConsoleGuard(b.port, b.token != null ? b.token : ConsoleGuard.newToken());
        this.tables = new TableBrowser(b.dynamoDbEndpoint, b.tables, b.recorder.redaction());
        this.buckets = new BucketBrowser(b.s3Endpoint, b.buckets);
        this.samples = b.templateFile == null ? null : new SampleEvents(b.templateFile);
        this.live = new LiveUpdates(b.recorder);
    }

    /** A builder for the console over {@code recorder}. */
    public static Builder builder(ConsoleRecorder recorder) {
        return new Builder(recorder);
    }

    /** The per-start token the invoke and redrive endpoints need; never null. */
    public String token() {
        return guard.token();
    }

    /** The console's address, {@code http://127.0.0.1:<port>/_bricks/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + b.port + PATH + "/");
    }

    /** The address with the token in its fragment (never sent to a server): the page picks it up. */
    public URI urlWithToken() {
        return URI.create(url() + "#token=" + token());
    }

    /** Serves the console under {@value #PATH} on the gateway's port. */
    public void mountOn(LocalApiGateway gateway) {
        gateway.mount(PATH, this::handle);
    }

    /** The handler (for mounting elsewhere in tests). */
    HttpHandler handler() {
        return this::handle;
    }

    @Override
    public void close() {
        live.close();
        redrives.shutdownNow();
        tables.close();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                serve(exchange);
            } catch (BadQuery e) {
                Replies.problem(exchange, 400, e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "console failed on " + exchange.getRequestURI() + ": " + e, e);
                failed(exchange, e);
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "console client went away: " + e);
        }
    }

    /** The 500 problem, while the exchange is still open; nothing if the answer had already started. */
    private static void failed(HttpExchange exchange, RuntimeException e) {
        try {
            Replies.problem(exchange, 500, "The console failed: " + e.getMessage());
        } catch (IOException | RuntimeException ignored) {
            // the answer had already started
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        ConsoleGuard.Refusal refusal = guard.check(exchange.getRequestHeaders());
        if (refusal != null) {
            Replies.problem(exchange, refusal.status, refusal.message);
            return;
        }
        String path = exchange.getRequestURI().getRawPath().substring(PATH.length());
        String method = exchange.getRequestMethod();
        if (path.startsWith("/api/")) {
            api(exchange, method, path.substring("/api/".length()));
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            Replies.problem(exchange, 405, "Method " + method + " is not allowed on " + PATH + path);
        } else if (path.isEmpty()) {
            exchange.getResponseHeaders().set("Location", PATH + "/");
            exchange.sendResponseHeaders(308, -1);
        } else {
            StaticFiles.serve(exchange, path.equals("/") ? "index.html" : path.substring(1));
        }
    }

    private void api(HttpExchange ex, String method, String route) throws IOException {
        List<String> p = segments(route);
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        String first = p.isEmpty() ? "" : p.get(0);
        if (post) {
            ConsoleGuard.Refusal refusal = guard.checkAction(ex.getRequestHeaders());
            if (refusal != null) {
                Replies.problem(ex, refusal.status, refusal.message);
                return;
            }
            if (first.equals("functions") && p.size() == 3 && p.get(2).equals("invoke")) {
                invoke(ex, p.get(1));
            } else if (first.equals("failures") && p.size() == 4 && p.get(3).equals("redrive")) {
                redrive(ex, p.get(1), p.get(2));
            } else {
                Replies.problem(ex, 404, "No console action at " + PATH + "/api/" + route);
            }
            return;
        }
        if (!get) {
            Replies.problem(ex, 405, "Method " + method + " is not allowed on " + PATH + "/api/" + route);
            return;
        }
        switch (first) {
            case "status" -> Replies.json(ex, 200, status());
            case "stream" -> live.serve(ex);
            case "traces" -> {
                if (p.size() == 1) {
                    ObjectNode out = b.recorder.counts();
                    ArrayNode list = out.putArray("items");
                    String filter = q.get("q");
                    b.recorder
                            .traceSummaries(t -> t.matches(filter), limit(q, 200, 1000))
                            .forEach(list::add);
                    Replies.json(ex, 200, out);
                } else {
                    ObjectNode trace = b.recorder.traceDetail(p.get(1));
                    if (trace == null) {
                        Replies.problem(
                                ex, 404, "No trace with correlation id '" + p.get(1) + "' (never seen, or dropped)");
                    } else {
                        Replies.json(ex, 200, trace);
                    }
                }
            }
            case "logs" -> {
                String filter = q.getOrDefault("q", "").toLowerCase(Locale.ROOT);
                ArrayNode out = Redaction.JSON.createArrayNode();
                b.recorder
                        .logLines(
                                l -> filter.isEmpty()
                                        || l.text().toLowerCase(Locale.ROOT).contains(filter)
                                        || l.source().toLowerCase(Locale.ROOT).contains(filter)
                                        || filter.equals(l.correlationId())
                                        || filter.equals(l.requestId()),
                                limit(q, 500, 5000))
                        .forEach(l -> out.add(ConsoleRecorder.logJson(l)));
                Replies.json(ex, 200, out);
            }
            case "functions" -> functions(ex, p);
            case "tables" -> tables(ex, p, q);
            case "buckets" -> buckets(ex, p, q);
            case "mails" -> mails(ex, p);
            case "bus" -> {
                ArrayNode out = Redaction.JSON.createArrayNode();
                b.recorder.busEvents().forEach(out::add);
                Replies.json(ex, 200, out);
            }
            case "failures" -> Replies.json(ex, 200, failures());
            default -> Replies.problem(ex, 404, "No console endpoint at " + PATH + "/api/" + route);
        }
    }

    private ObjectNode status() {
        ObjectNode n = b.recorder.counts();
        n.put("template", b.templateFile == null ? null : b.templateFile.toString());
        n.put("api", "http://127.0.0.1:" + b.port);
        n.put("tokenHeader", ConsoleGuard.TOKEN_HEADER);
        n.put("redriven", redriven.get());
        return n;
    }

    private void functions(HttpExchange ex, List<String> p) throws IOException {
        if (p.size() == 1) {
            ArrayNode out = Redaction.JSON.createArrayNode();
            Map<String, Integer> busy = b.recorder.busyByFunction();
            for (FunctionDefinition f : b.functions) {
                ObjectNode n = out.addObject();
                n.put("id", f.logicalId());
                n.put("name", f.functionName());
                n.put("handler", f.handler());
                n.put("runtime", f.runtime());
                n.put("memoryMb", f.memoryMb());
                n.put("timeoutMs", f.timeout().toMillis());
                int running = b.environments == null ? 0 : b.environments.environmentCount(f.logicalId());
                int working = busy.getOrDefault(f.logicalId(), 0);
                ObjectNode env = n.putObject("environments");
                env.put("running", running);
                env.put("busy", Math.min(working, running));
                env.put("warm", Math.max(0, running - working));
                env.put("started", b.environments == null ? 0 : b.environments.coldStarts(f.logicalId()));
                n.setAll(b.recorder.stats(f.logicalId()).json());
                ArrayNode events = n.putArray("sampleEvents");
                if (samples != null) {
                    samples.names(f.logicalId()).forEach(events::add);
                }
            }
            Replies.json(ex, 200, out);
            return;
        }
        String id = p.get(1);
        if (b.functions.stream().noneMatch(f -> f.logicalId().equals(id))) {
            Replies.problem(ex, 404, "No function '" + id + "' in the template");
            return;
        }
        if (p.size() >= 4 && p.get(2).equals("events") && samples != null) {
            String name = String.join("/", p.subList(3, p.size()));
            byte[] event = samples.read(id, name);
            if (event == null) {
                Replies.problem(ex, 404, "No sample event '" + name + "' for " + id);
            } else {
                Replies.bytes(ex, 200, "application/json", event);
            }
            return;
        }
        Replies.problem(ex, 404, "No console endpoint for function " + id + " at " + String.join("/", p));
    }

    private void invoke(HttpExchange ex, String id) throws IOException {
        if (b.functions.stream().noneMatch(f -> f.logicalId().equals(id))) {
            Replies.problem(ex, 404, "No function '" + id + "' in the template");
            return;
        }
        byte[] event = ex.getRequestBody().readNBytes(MAX_INVOKE_BYTES + 1);
        if (event.length > MAX_INVOKE_BYTES) {
            Replies.problem(ex, 413, "The event is larger than Lambda's 6 MB limit");
            return;
        }
        if (ConsoleRecorder.parse(event) == null) {
            Replies.problem(ex, 400, "The event is not JSON");
            return;
        }
        InvokeOutcome outcome = b.invoker.invoke(id, event);
        ObjectNode n = Redaction.JSON.createObjectNode();
        n.put("requestId", outcome.requestId());
        n.put("succeeded", outcome.succeeded());
        n.put("functionError", outcome.functionError());
        n.put("errorType", outcome.errorType());
        n.put("coldStart", outcome.coldStart());
        n.put("durationMs", outcome.duration().toNanos() / 1e6);
        n.put("correlationId", b.recorder.correlationOf(outcome.requestId()));
        n.set("payload", b.recorder.redaction().redactPayload(outcome.payload()));
        Replies.json(ex, 200, n);
    }

    private ObjectNode failures() {
        ObjectNode out = Redaction.JSON.createObjectNode();
        ArrayNode async = out.putArray("async");
        List<AsyncDeadLetter> letters = b.async == null ? List.of() : b.async.deadLetters();
        for (int i = 0; i < letters.size(); i++) {
            AsyncDeadLetter d = letters.get(i);
            ObjectNode n = async.addObject();
            n.put("index", i);
            n.put("function", d.functionId());
            n.put("requestId", d.requestId());
            n.put("condition", d.condition().name());
            n.put("attempts", d.attempts());
            n.put("errorType", d.errorType());
            n.put("time", d.time().toString());
            n.set("event", b.recorder.redaction().redactPayload(d.event()));
            n.set(
                    "lastResponse",
                    b.recorder.redaction().redactPayload(d.lastResponse().getBytes(StandardCharsets.UTF_8)));
        }
        ArrayNode streams = out.putArray("streams");
        List<StreamFailure> failures = streamFailures();
        for (int i = 0; i < failures.size(); i++) {
            StreamFailure f = failures.get(i);
            ObjectNode n = streams.addObject();
            n.put("index", i);
            n.put("function", f.functionId());
            n.put("streamArn", f.streamArn());
            n.put("condition", f.condition().name());
            n.put("attempts", f.attempts());
            n.put("errorType", f.errorType());
            n.put("records", f.records().size());
            n.put("startSequenceNumber", f.startSequenceNumber());
            n.put("endSequenceNumber", f.endSequenceNumber());
            n.put("time", f.time().toString());
        }
        return out;
    }

    private List<StreamFailure> streamFailures() {
        List<StreamFailure> out = new ArrayList<>();
        b.streams.forEach(s -> out.addAll(s.failures()));
        return out;
    }

    private void redrive(HttpExchange ex, String kind, String index) throws IOException {
        int i;
        try {
            i = Integer.parseInt(index);
        } catch (NumberFormatException e) {
            Replies.problem(ex, 400, "The failure index must be a number, was '" + index + "'");
            return;
        }
        ObjectNode n = Redaction.JSON.createObjectNode();
        if (kind.equals("async")) {
            List<AsyncDeadLetter> letters = b.async == null ? List.of() : b.async.deadLetters();
            if (i < 0 || i >= letters.size()) {
                Replies.problem(ex, 404, "No dead letter " + i);
                return;
            }
            AsyncDeadLetter d = letters.get(i);
            n.put("function", d.functionId());
            n.put("queuedRequestId", b.async.invoke(d.functionId(), d.event()));
        } else if (kind.equals("streams")) {
            List<StreamFailure> failures = streamFailures();
            if (i < 0 || i >= failures.size()) {
                Replies.problem(ex, 404, "No stream failure " + i);
                return;
            }
            StreamFailure f = failures.get(i);
            byte[] batch = ("{\"Records\":[" + String.join(",", f.records()) + "]}").getBytes(StandardCharsets.UTF_8);
            redrives.execute(() -> b.invoker.invoke(f.functionId(), batch));
            n.put("function", f.functionId());
            n.put("records", f.records().size());
        } else {
            Replies.problem(ex, 404, "Unknown failure list '" + kind + "' (async or streams)");
            return;
        }
        redriven.incrementAndGet();
        Replies.json(ex, 202, n);
    }

    private void tables(HttpExchange ex, List<String> p, Map<String, String> q) throws IOException {
        if (p.size() == 1) {
            ArrayNode out = Redaction.JSON.createArrayNode();
            tables.tables().forEach(out::add);
            Replies.json(ex, 200, out);
            return;
        }
        String table = p.get(1);
        if (!tables.tables().contains(table)) {
            Replies.problem(ex, 404, "No table '" + table + "' in the template");
            return;
        }
        ObjectNode out = tables.describe(table);
        out.set("items", tables.items(table, q.get("key"), limit(q, 25, TableBrowser.MAX_LIMIT)));
        Replies.json(ex, 200, out);
    }

    private void buckets(HttpExchange ex, List<String> p, Map<String, String> q) throws IOException {
        if (p.size() == 1) {
            ArrayNode out = Redaction.JSON.createArrayNode();
            buckets.buckets().forEach(out::add);
            Replies.json(ex, 200, out);
            return;
        }
        String bucket = p.get(1);
        if (!buckets.buckets().contains(bucket)) {
            Replies.problem(ex, 404, "No bucket '" + bucket + "' in the template");
            return;
        }
        if (p.size() == 2 || (p.size() == 3 && p.get(2).equals("objects"))) {
            Replies.json(ex, 200, buckets.list(bucket, q.get("prefix")));
            return;
        }
        if (p.size() >= 4 && p.get(2).equals("objects")) {
            String key = String.join("/", p.subList(3, p.size()));
            HttpURLConnection c = buckets.object(bucket, key);
            try {
                if (c.getResponseCode() != 200) {
                    Replies.problem(ex, 404, "No object '" + key + "' in bucket " + bucket);
                    return;
                }
                String type = c.getContentType() == null ? "application/octet-stream" : c.getContentType();
                ex.getResponseHeaders().set("Content-Type", type);
                ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                ex.getResponseHeaders()
                        .set(
                                "Content-Disposition",
                                "attachment; filename*=UTF-8''"
                                        + URLEncoder.encode(
                                                        key.substring(key.lastIndexOf('/') + 1), StandardCharsets.UTF_8)
                                                .replace("+", "%20"));
                ex.sendResponseHeaders(200, 0);
                try (InputStream in = c.getInputStream();
                        OutputStream out = ex.getResponseBody()) {
                    in.transferTo(out);
                }
            } finally {
                c.disconnect();
            }
            return;
        }
        Replies.problem(ex, 404, "No console endpoint for bucket " + bucket);
    }

    private void mails(HttpExchange ex, List<String> p) throws IOException {
        List<CapturedEmail> mails = b.ses == null ? List.of() : b.ses.emails();
        if (p.size() == 1) {
            ArrayNode out = Redaction.JSON.createArrayNode();
            for (int i = mails.size() - 1; i >= 0; i--) {
                out.add(mailJson(mails.get(i), false));
            }
            Replies.json(ex, 200, out);
            return;
        }
        for (CapturedEmail m : mails) {
            if (m.messageId().equals(p.get(1))) {
                Replies.json(ex, 200, mailJson(m, true));
                return;
            }
        }
        Replies.problem(ex, 404, "No captured mail with MessageId " + p.get(1));
    }

    private ObjectNode mailJson(CapturedEmail m, boolean bodies) {
        ObjectNode n = Redaction.JSON.createObjectNode();
        n.put("messageId", m.messageId());
        n.put("from", m.from());
        ArrayNode to = n.putArray("to");
        m.to().forEach(to::add);
        ArrayNode cc = n.putArray("cc");
        m.cc().forEach(cc::add);
        n.put("subject", m.subject());
        n.put("time", m.timestamp().toString());
        n.put("correlationId", MailParts.header(m.emlAsString(), "X-Correlation-Id"));
        if (bodies) {
            MailParts parts = MailParts.of(m.emlAsString());
            n.put("text", parts.text());
            n.put("html", parts.html());
        }
        JsonNode redacted = b.recorder.redaction().redact(n);
        return (ObjectNode) redacted;
    }

    private static List<String> segments(String route) {
        List<String> out = new ArrayList<>();
        for (String s : route.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static int limit(Map<String, String> q, int absent, int max) {
        String raw = q.get("limit");
        if (raw == null || raw.isEmpty()) {
            return absent;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new BadQuery("The limit must be a whole number from 1 to " + max + ", was '" + raw + "'");
        }
        if (limit < 1) {
            throw new BadQuery("The limit must be a whole number from 1 to " + max + ", was " + limit);
        }
        return Math.min(max, limit);
    }

    /** A query parameter the console cannot use: answered with a 400 problem naming it. */
    private static final class BadQuery extends RuntimeException {
        BadQuery(String message) {
            super(message, null, false, false);
        }
    }

    /** Options of a {@link DevConsole}; one setter per collaborator. Not thread-safe. */
    public static final class Builder {
        private final ConsoleRecorder recorder;
        private FunctionInvoker invoker;
        private FunctionEnvironments environments;
        private List<FunctionDefinition> functions = List.of();
        private Path templateFile;
        private URI dynamoDbEndpoint;
        private List<String> tables = List.of();
        private URI s3Endpoint;
        private List<String> buckets = List.of();
        private LocalSes ses;
        private AsyncInvoker async;
        private List<DynamoDbStreamSource> streams = List.of();
        private int port;
        private String token;

        private Builder(ConsoleRecorder recorder) {
            this.recorder = Objects.requireNonNull(recorder, "recorder");
        }

        /** The invoker the invoke and redrive buttons use (the recording one, so they are traced). @return this */
        public Builder invoker(FunctionInvoker invoker) {
            this.invoker = Objects.requireNonNull(invoker, "invoker");
            return this;
        }

        /** The environments, for their counts. @return this */
        public Builder environments(FunctionEnvironments environments) {
            this.environments = Objects.requireNonNull(environments, "environments");
            return this;
        }

        /** The template's functions. @return this */
        public Builder functions(List<FunctionDefinition> functions) {
            this.functions = List.copyOf(functions);
            return this;
        }

        /** The template file; its {@code events/} folder holds sample events. @return this */
        public Builder templateFile(Path templateFile) {
            this.templateFile = Objects.requireNonNull(templateFile, "templateFile");
            return this;
        }

        /** The local DynamoDB and the template's table names. @return this */
        public Builder tables(URI dynamoDbEndpoint, List<String> tables) {
            this.dynamoDbEndpoint = Objects.requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint");
            this.tables = List.copyOf(tables);
            return this;
        }

        /** The local S3 (null when none) and the template's bucket names. @return this */
        public Builder buckets(URI s3Endpoint, List<String> buckets) {
            this.s3Endpoint = s3Endpoint;
            this.buckets = List.copyOf(buckets);
            return this;
        }

        /** The SES catcher. @return this */
        public Builder ses(LocalSes ses) {
            this.ses = Objects.requireNonNull(ses, "ses");
            return this;
        }

        /** The asynchronous invoker, for its dead letters. @return this */
        public Builder async(AsyncInvoker async) {
            this.async = Objects.requireNonNull(async, "async");
            return this;
        }

        /** The stream sources, for their on-failure lists. @return this */
        public Builder streams(List<DynamoDbStreamSource> streams) {
            this.streams = List.copyOf(streams);
            return this;
        }

        /** The gateway's port (the console's own address, for the host and origin checks). @return this */
        public Builder port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1-65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** A fixed token instead of a random one (tests). @return this */
        public Builder token(String token) {
            if (token == null || token.length() < 16) {
                throw new IllegalArgumentException("a console token needs at least 16 characters");
            }
            this.token = token;
            return this;
        }

        /**
         * @return the console
         * @throws IllegalStateException without an invoker or a port
         */
        public DevConsole build() {
            if (invoker == null || port == 0) {
                throw new IllegalStateException("a console needs an invoker and the gateway's port");
            }
            return new DevConsole(this);
        }
    }
}
