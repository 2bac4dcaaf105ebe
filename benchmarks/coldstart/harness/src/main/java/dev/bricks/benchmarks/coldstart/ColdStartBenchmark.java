package dev.bricks.benchmarks.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.bricks.local.runtime.ClassDataArchive;
import dev.bricks.local.runtime.FunctionProcess;
import dev.bricks.local.runtime.InvocationReport;
import dev.bricks.local.runtime.InvocationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The cold-start measurement: for each variant, fresh Lambda environments (one JVM, one invocation each)
 * through Lambda's real Java runtime interface client, interleaved round by round; median and p90 of what
 * Lambda's REPORT line gives, plus whole-process time, classes loaded and deployment size, written to
 * {@code docs/benchmarks.md} with an SVG chart. Run it through {@code benchmarks/coldstart/run.sh}; the options
 * are listed in {@link #USAGE}.
 */
public final class ColdStartBenchmark {

    /**
     * The handler of {@code benchmarks/coldstart/functions/bricks}, packaged as
     * {@code functions/bricks/target/coldstart-bricks.zip}. When that zip exists, the rows {@code bricks} and
     * {@code bricks+archive} are measured automatically.
     */
    static final String BRICKS_HANDLER = "dev.bricks.benchmarks.coldstart.bricks.PlaceOrderHandler::handleRequest";

    /** The function modules, in the order of the rows (and within each round). */
    static final List<String> FUNCTIONS = List.of("floor", "bare", "powertools", "bricks");

    /** Where this machine has Temurin 25 (the env notes); {@code --jdk25} overrides it. */
    static final Path DEFAULT_JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    /** The Lambda handler string of a function module under {@code functions/} ({@code floor}, {@code bare}, …). */
    static String handlerOf(String function) {
        return switch (function) {
            case "floor" -> "dev.bricks.benchmarks.coldstart.floor.HelloHandler::handleRequest";
            case "bricks" -> BRICKS_HANDLER;
            default -> "dev.bricks.benchmarks.coldstart." + function + ".PlaceOrderHandler::handleRequest";
        };
    }

    static final String USAGE = """
            usage: ColdStartBenchmark [--rounds N] [--variants a,b,...] [--jdks 17,25] [--loading zip,image]
                                      [--help off,on] [--memory MB] [--engines local|stub]
                                      [--dynamodb-endpoint URL --eventbridge-endpoint URL]
                                      [--functions DIR] [--work DIR] [--doc FILE] [--command TEXT]
              --rounds N            fresh environments per variant (default 20); one unrecorded check round runs first
              --variants            functions (%s) or full variant names such as bricks/25/zip+aot
                                    (default: every function; a missing zip is an error, not a skipped row)
              --jdks                17 (this JVM's JDK) and/or 25 (--jdk25 DIR, default %s); default both
              --loading             zip: Lambda's own class loading, the runtime client's CustomerClassLoader over the
                                    task root and lib/*.jar (the managed runtime; default first) and/or image: the
                                    function's jars on the system class path (a container image or custom runtime)
              --help                off and/or on: without / with the function's own build-time archive (JDK 17: dynamic
                                    CDS archive; JDK 25: AOT cache); default both
              --engines local|stub  local (default): start bricks-local-dynamodb and bricks-local-eventbridge in this JVM
                                    (rule capturing OrderPlaced) and compare stored items and delivered events;
                                    stub: a canned-response STUB, for trial runs only (the report says so)
              --dynamodb-endpoint   an already running DynamoDB endpoint instead (AWS_ENDPOINT_URL_DYNAMODB)
              --eventbridge-endpoint an already running EventBridge endpoint instead (AWS_ENDPOINT_URL_EVENTBRIDGE)
              --functions DIR       where the function modules are (default benchmarks/coldstart/functions)
              --work DIR            scratch: unzipped deployments, archives, logs, runs.csv (default benchmarks/coldstart/target/work)
              --doc FILE            markdown file to write the table into (default docs/benchmarks.md; chart beside it:
                                    benchmarks-coldstart.svg for benchmarks.md, else <doc name>.svg)
              --commit ID           the commit the functions were built from (run.sh passes HEAD's)
              --load-before L       the load average to report as "before" (run.sh passes the one read before packaging)
            """.formatted(FUNCTIONS, DEFAULT_JDK25);

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Map<String, String> FUNCTION_ENVIRONMENT = Map.of(
            "TABLE_NAME", "EcommerceData",
            "EVENT_BUS_NAME", "default",
            "POWERTOOLS_SERVICE_NAME", "orders",
            "POWERTOOLS_METRICS_NAMESPACE", "BricksColdStart");

    private final Options options;
    private final Map<String, Path> deployments = new LinkedHashMap<>();
    private final Map<String, Long> deploymentBytes = new LinkedHashMap<>();
    private final Map<String, Path> archives = new LinkedHashMap<>();
    private final Map<String, Long> archiveBytes = new LinkedHashMap<>();
    private URI dynamoDb;
    private URI eventBridge;
    private StubAwsEndpoints stub;
    private LocalEngines engines;
    /** Makes order and user ids unique per harness run, so runs against a persistent engine never collide. */
    private final String runTag = UUID.randomUUID().toString().substring(0, 8);

    ColdStartBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ColdStartBenchmark: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        int failures = new ColdStartBenchmark(options).run();
        System.exit(failures == 0 ? 0 : 1);
    }

    private int run() throws IOException {
        List<Variant> variants = variants();
        System.out.println("variants: " + variants.stream().map(Variant::name).toList());
        // run.sh reads the load before it packages, so its own build does not count as "other work"
        String loadBefore = options.loadBefore != null ? options.loadBefore : loadAverage();
        startEndpoints();
        try {
            for (Variant v : variants) {
                prepare(v);
            }
            Check check = checkSameBehaviour(variants);
            System.out.println((check.identical ? "same behaviour: " : "DIFFERENT behaviour: ") + check.note);
            List<Run> runs = new ArrayList<>();
            int failures = 0;
            for (int round = 1; round <= options.rounds; round++) {
                for (Variant v : variants) {
                    try {
                        Run r = measure(v, round);
                        runs.add(r);
                        System.out.printf(
                                Locale.ROOT,
                                "round %2d %-15s init %7.1f ms  duration %7.1f ms  whole %7.1f ms  rss %6.1f MB  classes %5d (%d shared)%n",
                                round,
                                v.name(),
                                r.initMs(),
                                r.durationMs(),
                                r.wholeMs(),
                                r.peakRssMb(),
                                r.classes(),
                                r.sharedClasses());
                    } catch (RuntimeException e) {
                        failures++;
                        System.out.println("round " + round + " " + v.name() + " FAILED: " + e.getMessage());
                    }
                }
            }
            writeCsv(runs);
            List<String> order = variants.stream().map(Variant::name).toList();
            List<Report.Row> rows = Report.rows(order, runs);
            String loadAfter = loadAverage();
            Report.Context context = new Report.Context(
                    options.command,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS) + " from commit " + options.commit,
                    stub != null
                            ? "**STUB** — canned TransactWriteItems/PutEvents answers from the harness (trial only;"
                                    + " real runs use the local DynamoDB and EventBridge engines)"
                            : engines != null
                                    ? "the real local engines, started by the harness in its own JVM:"
                                            + " `bricks-local-dynamodb` at " + dynamoDb
                                            + ", `bricks-local-eventbridge` at " + eventBridge
                                            + " (one rule capturing `OrderPlaced`)"
                                    : "DynamoDB " + dynamoDb + ", EventBridge " + eventBridge,
                    machine() + "; load average before " + loadBefore + ", after " + loadAfter
                            + " (the after figure includes this benchmark's own JVMs)"
                            + (busy(loadBefore)
                                    ? " — **busy machine: other work competed for the"
                                            + " cores, so absolute figures are noisy; compare ratios within this run only**"
                                    : ""),
                    jdkDescriptions(),
                    String.join(" ", FunctionProcess.defaultJvmOptions(options.memoryMb)) + ", memory "
                            + options.memoryMb + " MB",
                    "`zip` rows: only the runtime client on `-cp`; its own `CustomerClassLoader` loads the task root and"
                            + " `lib/*.jar` (what the managed runtime does with `/var/task`); `image` rows: the function's"
                            + " jars on `-cp` after the runtime client's (`java -cp <client jars>:<lib/*.jar> AWSLambda"
                            + " <handler>`, a container image or custom runtime with the function on the class path)",
                    options.rounds,
                    check.identical,
                    check.note,
                    deploymentBytes,
                    archiveBytes,
                    failures);
            Path svg = chartFor(options.doc);
            Files.createDirectories(svg.toAbsolutePath().getParent());
            Files.writeString(
                    svg,
                    Report.svg(
                            rows,
                            "Cold start through Lambda's runtime client, median ms (" + options.rounds
                                    + " fresh JVMs per variant" + (stub != null ? ", STUB endpoints" : "") + ")"));
            Report.writeSection(
                    options.doc,
                    Report.markdown(rows, context, svg.getFileName().toString()));
            System.out.println("\nwrote " + relative(options.doc) + " and " + relative(svg) + "; raw runs in "
                    + relative(options.work.resolve("runs.csv")));
            return failures + (check.identical ? 0 : 1);
        } finally {
            stopEndpoints();
        }
    }

    private void stopEndpoints() {
        if (stub != null) {
            stub.close();
            stub = null;
        }
        if (engines != null) {
            engines.close();
            engines = null;
        }
    }

    /** "17: OpenJDK 64-Bit Server VM 17.0.x (vendor); 25: …", read from each JDK's {@code release} file. */
    private String jdkDescriptions() {
        List<String> out = new ArrayList<>();
        for (Variant.Jdk jdk : options.jdks) {
            String version = "unknown version";
            try {
                version = Files.readAllLines(jdk.home().resolve("release")).stream()
                        .filter(l -> l.startsWith("JAVA_RUNTIME_VERSION=") || l.startsWith("IMPLEMENTOR="))
                        .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", ""))
                        .reduce((a, b) -> b + " " + a)
                        .orElse(version);
            } catch (IOException e) {
                // best effort description
            }
            out.add("JDK " + jdk.feature() + ": " + version + " (" + jdk.home() + ")");
        }
        return String.join("; ", out);
    }

    /** The chart beside the doc: {@code benchmarks-coldstart.svg} for {@code benchmarks.md}, else {@code <doc name>.svg}. */
    static Path chartFor(Path doc) {
        String name = doc.getFileName().toString();
        return doc.resolveSibling(
                name.equals("benchmarks.md")
                        ? "benchmarks-coldstart.svg"
                        : (name.endsWith(".md") ? name.substring(0, name.length() - 3) : name) + ".svg");
    }

    /** The local engines (default), the endpoints given on the command line, or the trial stub. */
    private void startEndpoints() {
        if (options.dynamoDb == null && options.engines.equals("local")) {
            engines = LocalEngines.start(FUNCTION_ENVIRONMENT.get("TABLE_NAME"));
            dynamoDb = engines.dynamoDbEndpoint();
            eventBridge = engines.eventBridgeEndpoint();
            System.out.println("AWS endpoints: local engines, DynamoDB " + dynamoDb + ", EventBridge " + eventBridge);
        } else if (options.dynamoDb == null) {
            stub = new StubAwsEndpoints();
            dynamoDb = stub.endpoint();
            eventBridge = stub.endpoint();
            System.out.println("AWS endpoints: STUB (canned responses, trial only) at " + dynamoDb);
        } else {
            dynamoDb = options.dynamoDb;
            eventBridge = options.eventBridge;
            Tables.ensureOrdersTable(dynamoDb, FUNCTION_ENVIRONMENT.get("TABLE_NAME"));
        }
    }

    /**
     * Only the same-behaviour check, for tests: unzips the chosen variants, builds archives where asked, runs
     * each once on the same event and compares.
     */
    Check checkOnly() throws IOException {
        startEndpoints();
        try {
            List<Variant> variants = variants();
            for (Variant v : variants) {
                prepare(v);
            }
            return checkSameBehaviour(variants);
        } finally {
            stopEndpoints();
        }
    }

    // ---- variants and their deployments ----

    /**
     * Every row of this run: each function × JDK × loading × without/with build-time help (floor only as a zip,
     * without help), filtered by the options. A function whose zip is missing is an error.
     */
    List<Variant> variants() {
        List<Variant> chosen = new ArrayList<>();
        for (String function : FUNCTIONS) {
            for (Variant.Jdk jdk : options.jdks) {
                for (Variant.Loading loading : options.loadings) {
                    for (boolean helped : options.helps) {
                        if (function.equals("floor") && (helped || loading != Variant.Loading.ZIP)) {
                            continue;
                        }
                        Variant v = new Variant(
                                function,
                                options.functions.resolve(function + "/target/coldstart-" + function + ".zip"),
                                handlerOf(function),
                                jdk,
                                loading,
                                helped);
                        if (options.variants == null
                                || options.variants.contains(function)
                                || options.variants.contains(v.name())) {
                            chosen.add(v);
                        }
                    }
                }
            }
        }
        if (options.variants != null) {
            for (String name : options.variants) {
                if (chosen.stream()
                        .noneMatch(v -> v.function().equals(name) || v.name().equals(name))) {
                    throw new IllegalArgumentException("unknown variant '" + name + "' (or filtered out by --jdks,"
                            + " --loading, --help); functions: " + FUNCTIONS
                            + ", names like bricks/25/zip+aot");
                }
            }
        }
        for (Variant v : chosen) {
            if (!Files.isRegularFile(v.zip())) {
                throw new IllegalArgumentException(
                        "variant " + v.name() + " has no deployment at " + v.zip()
                                + "; build it with: ./mvnw -B -o -P coldstart -pl benchmarks/coldstart/functions/"
                                + v.function()
                                + " -am package -DskipTests (or run benchmarks/coldstart/run.sh, which packages every variant)");
            }
            if (!Files.isExecutable(v.jdk().home().resolve("bin/java"))) {
                throw new IllegalArgumentException("variant " + v.name() + " needs a JDK "
                        + v.jdk().feature() + " at " + v.jdk().home());
            }
        }
        return chosen;
    }

    private void prepare(Variant v) throws IOException {
        String dep = v.deploymentKey();
        if (!deployments.containsKey(dep)) {
            Path dir = options.work.resolve("deploy").resolve(dep);
            deleteTree(dir);
            unzip(v.zip(), dir);
            deployments.put(dep, dir);
        }
        deploymentBytes.put(v.name(), Files.size(v.zip()));
        if (v.helped()) {
            Variant.Help help = v.jdk().help();
            Path file = options.work
                    .resolve("archives")
                    .resolve(v.name().replace('/', '-').replace('+', '-') + help.extension);
            long t0 = System.nanoTime();
            // a training order of its own per variant: against real engines a shared one would be answered 409 the
            // second time, and the archive would then miss the classes of the 201 path (publishing, response)
            String tag = v.name().replace('/', '-').replace('+', '-');
            byte[] event = event("archive-training-" + tag + "-" + runTag, "user-training-" + tag + "-" + runTag);
            FunctionProcess.Builder training = function(v, log(tag + "-training"));
            if (help == Variant.Help.AOT_CACHE) {
                ClassDataArchive.buildAotCache(training, event, file);
            } else {
                ClassDataArchive.build(training, event, file);
            }
            archives.put(v.name(), file);
            archiveBytes.put(v.name(), Files.size(file));
            deploymentBytes.put(v.name(), Files.size(v.zip()) + zippedSize(file));
            System.out.printf(
                    Locale.ROOT,
                    "%s for %s: %s (%.1f MB, %.1f s)%n",
                    help == Variant.Help.AOT_CACHE ? "AOT cache" : "CDS archive",
                    v.name(),
                    file,
                    Files.size(file) / 1e6,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    private FunctionProcess.Builder function(Variant v, Path log) {
        FunctionProcess.Builder b = FunctionProcess.builder()
                .deployment(deployments.get(v.deploymentKey()))
                .handler(v.handler())
                .functionName("coldstart-" + v.function())
                .memoryMb(options.memoryMb)
                .javaHome(v.jdk().home())
                .dynamoDbEndpoint(dynamoDb)
                .eventBridgeEndpoint(eventBridge)
                .functionOnSystemClassPath(v.loading() == Variant.Loading.IMAGE)
                .output(log);
        FUNCTION_ENVIRONMENT.forEach(b::environment);
        b.environment("AWS_EXECUTION_ENV", "AWS_Lambda_java" + v.jdk().feature());
        Path file = archives.get(v.name());
        if (file != null) {
            b.javaToolOptions(
                    v.jdk().help() == Variant.Help.AOT_CACHE
                            ? ClassDataArchive.aotCacheOptions(file)
                            : ClassDataArchive.javaToolOptions(file));
        }
        return b;
    }

    private Path log(String name) throws IOException {
        return Files.createDirectories(options.work.resolve("logs"))
                .resolve(name.replace('/', '-').replace('+', '-') + ".log");
    }

    // ---- one fresh environment, one invocation ----

    private Run measure(Variant v, int round) {
        try (FunctionProcess fn = function(v, log(v.name() + "-" + round)).start()) {
            FunctionProcess.Invocation inv = fn.invoke(event(
                    "r" + round + "-" + v.name() + "-"
                            + UUID.randomUUID().toString().substring(0, 8),
                    "user-" + round + "-" + runTag));
            expectStatus(v, inv.result(), fn);
            InvocationReport rep = inv.report();
            return new Run(
                    v.name(),
                    round,
                    ms(rep.initDuration().orElseThrow().toNanos()),
                    ms(rep.duration().toNanos()),
                    ms(rep.sinceProcessStart().toNanos()),
                    rep.maxMemoryUsedKb().orElse(0) / 1024.0,
                    rep.loadedClasses().orElse(0),
                    rep.sharedClasses().orElse(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expectStatus(Variant v, InvocationResult r, FunctionProcess fn) {
        if (r.status() != InvocationResult.Status.SUCCESS) {
            throw new IllegalStateException(
                    v.name() + " answered with an error: " + r.payloadAsString() + " (log " + fn.output() + ")");
        }
        try {
            int status = JSON.readTree(r.payload()).path("statusCode").asInt(-1);
            if (status != v.expectedStatus()) {
                throw new IllegalStateException(v.name() + " answered " + status + " instead of " + v.expectedStatus()
                        + ": " + r.payloadAsString() + " (log " + fn.output() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException(v.name() + " answered non-JSON: " + r.payloadAsString(), e);
        }
    }

    // ---- same behaviour ----

    /**
     * Whether the variants behaved the same, how that was judged, and per variant what was compared (normalised:
     * {@code responses} [first, retry], {@code items} [order, profile], {@code events} delivered, {@code requests}
     * sent to the stub).
     */
    record Check(boolean identical, String note, Map<String, JsonNode> evidence) {}

    /** The request id of the check event: every variant gets the same one, so the same order id. */
    static final String CHECK_REQUEST_ID = "same-behaviour-check";

    /** The shape of the {@code _event_id} Bricks' publisher adds to every detail (a UUID, version 7). */
    private static final Pattern EVENT_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    /**
     * Runs every placeOrder variant on the same event (also the warm-up round) and compares, with timestamps,
     * ids and the user masked: the responses to the event and to its retry (409); against the local engines the
     * stored order and profile items and the delivered OrderPlaced envelopes; against the stub the requests sent.
     * Members Bricks adds by design ({@link #documentedExtra}) are removed only when they hold exactly the
     * expected value, and are listed in the note.
     */
    private Check checkSameBehaviour(List<Variant> variants) throws IOException {
        Map<String, JsonNode> evidence = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> extras = new LinkedHashMap<>();
        boolean real = stub == null;
        String table = FUNCTION_ENVIRONMENT.get("TABLE_NAME");
        if (engines != null) {
            engines.drainDelivered();
        }
        Map<String, String> invalid = new LinkedHashMap<>();
        List<String> invalidProblems = new ArrayList<>();
        Map<String, Variant> firstPerFunction = new LinkedHashMap<>();
        variants.forEach(v -> firstPerFunction.putIfAbsent(v.function(), v));
        for (Variant v : firstPerFunction.values()) {
            if (stub != null) {
                stub.clear();
            }
            String user = "user-check-" + v.function() + "-" + runTag;
            java.util.Set<String> seen = new java.util.TreeSet<>();
            try (FunctionProcess fn = function(v, log(v.name() + "-check")).start()) {
                byte[] event = event(CHECK_REQUEST_ID, user);
                InvocationResult r = fn.invoke(event).result();
                expectStatus(v, r, fn);
                if (!v.placesOrders()) {
                    continue;
                }
                ObjectNode e = JSON.createObjectNode();
                ArrayNode responses = e.putArray("responses");
                responses.add(normalize(normalizedResponse(JSON.readTree(r.payload()), seen), user));
                if (stub != null && !v.function().equals("bricks")) {
                    ArrayNode sent = e.putArray("requests");
                    for (StubAwsEndpoints.Request q : stub.requests()) {
                        ObjectNode one = JSON.createObjectNode().put("target", q.target());
                        one.set("body", normalize(JSON.readTree(q.body()), user));
                        sent.add(one);
                    }
                }
                if (real) {
                    // the same request again: the order exists, so 409 and nothing written or published
                    InvocationResult retry = fn.invoke(event).result();
                    if (retry.status() != InvocationResult.Status.SUCCESS) {
                        throw new IllegalStateException(v.name() + " failed on the retry: " + retry.payloadAsString());
                    }
                    responses.add(normalize(normalizedResponse(JSON.readTree(retry.payload()), seen), user));
                }
                if (engines != null) {
                    ArrayNode items = e.putArray("items");
                    JsonNode order = engines.item(table, "USER#" + user, "ORDER#ord_" + CHECK_REQUEST_ID);
                    if (order instanceof ObjectNode o) {
                        documentedExtra(
                                o,
                                "_correlation_id",
                                JSON.createObjectNode().put("S", CHECK_REQUEST_ID),
                                "order item _correlation_id=<request id>",
                                seen);
                    }
                    items.add(normalize(order, user));
                    JsonNode profile = engines.item(table, "USER#" + user, "PROFILE");
                    if (profile instanceof ObjectNode p) {
                        documentedExtra(
                                p,
                                "_correlation_id",
                                JSON.createObjectNode().put("S", CHECK_REQUEST_ID),
                                "profile item _correlation_id=<request id>",
                                seen);
                        documentedExtra(
                                p,
                                "EntityType",
                                JSON.createObjectNode().put("S", "USER"),
                                "profile item EntityType=USER",
                                seen);
                        documentedExtra(
                                p,
                                "UserId",
                                JSON.createObjectNode().put("S", user),
                                "profile item UserId=<user>",
                                seen);
                    }
                    items.add(normalize(profile, user));
                    ArrayNode delivered = e.putArray("events");
                    for (JsonNode envelope : engines.drainDelivered()) {
                        ObjectNode env = (ObjectNode) envelope;
                        env.put("id", "<id>");
                        env.put("time", "<time>");
                        if (env.get("detail") instanceof ObjectNode detail) {
                            documentedExtra(
                                    detail,
                                    "_correlation_id",
                                    new TextNode(CHECK_REQUEST_ID),
                                    "event detail _correlation_id=<request id>",
                                    seen);
                            JsonNode eventId = detail.get("_event_id");
                            if (eventId != null
                                    && EVENT_ID.matcher(eventId.asText()).matches()) {
                                detail.remove("_event_id");
                                seen.add("event detail _event_id=<a UUID, the outbox/dedupe id>");
                            }
                        }
                        delivered.add(normalize(env, user));
                    }
                }
                if (real) {
                    checkInvalidInput(v, fn, invalid, invalidProblems);
                }
                evidence.put(v.function(), e);
                extras.put(v.function(), seen);
            }
        }
        if (evidence.size() < 2) {
            return new Check(true, "only one placeOrder variant in this run, nothing to compare", evidence);
        }
        String first = evidence.keySet().iterator().next();
        List<String> differ = new ArrayList<>();
        for (String name : evidence.keySet()) {
            JsonNode a = evidence.get(name);
            JsonNode b = evidence.get(first);
            boolean same = a.get("responses").equals(b.get("responses"))
                    && java.util.Objects.equals(a.get("items"), b.get("items"))
                    && java.util.Objects.equals(a.get("events"), b.get("events"))
                    && (a.get("requests") == null
                            || b.get("requests") == null
                            || a.get("requests").equals(b.get("requests")));
            if (!same) {
                differ.add(name);
            }
        }
        Files.createDirectories(options.work);
        Files.writeString(
                options.work.resolve("behaviour-check.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(evidence));
        differ.addAll(invalidProblems);
        if (!differ.isEmpty()) {
            return new Check(
                    false,
                    differ + " differ from " + first + "; see "
                            + relative(options.work.resolve("behaviour-check.json")),
                    evidence);
        }
        StringBuilder note = new StringBuilder("every placeOrder variant (" + String.join(", ", evidence.keySet())
                + ") returned the same response to the same event");
        if (real) {
            note.append(" and the same 409 to its retry");
        }
        if (engines != null) {
            note.append(", stored the same order and profile items and delivered the same OrderPlaced event"
                    + " through a rule on the local bus (compared as JSON; times, event id and user id masked)");
        } else if (stub != null) {
            note.append(" and sent the same TransactWriteItems and PutEvents requests (compared as JSON, times and"
                    + " user id masked; bricks' requests are phrased differently — placeholders, return-values option —"
                    + " so its effect is compared against the local engines instead)");
        } else {
            note.append(" (stored items and events are compared only with the harness's own local engines)");
        }
        note.append(". Masked in every variant before comparing: ISO-8601 times, the user id (unique per variant),"
                + " the delivered envelope's `id` and `time`"
                + (stub != null ? ", the SDK's random `ClientRequestToken`" : ""));
        extras.forEach((name, seen) -> note.append("; ")
                .append(name)
                .append(
                        seen.isEmpty()
                                ? " adds no member"
                                : " adds, by design and removed only with exactly these values: "
                                        + String.join(", ", seen)));
        if (!invalid.isEmpty()) {
            note.append(". Invalid input (the same event with a blank `userId`): ")
                    .append(String.join(
                            ", ",
                            invalid.entrySet().stream()
                                    .map(en -> en.getKey() + " " + en.getValue())
                                    .toList()))
                    .append(" — each a 4xx `application/problem+json` naming `userId`, nothing published;"
                            + " the status codes are compared as a row of their own, not masked");
        }
        return new Check(true, note.toString(), evidence);
    }

    /**
     * Sends the check event with a blank {@code userId}: a careful handler answers 4xx problem+json naming the field
     * and publishes nothing. Records the status per function in {@code statuses}, anything else in {@code problems}.
     */
    private void checkInvalidInput(Variant v, FunctionProcess fn, Map<String, String> statuses, List<String> problems)
            throws IOException {
        if (engines != null) {
            engines.drainDelivered();
        }
        InvocationResult bad = fn.invoke(event("invalid-input-check", " ")).result();
        if (bad.status() != InvocationResult.Status.SUCCESS) {
            problems.add(v.function() + " failed on invalid input: " + bad.payloadAsString());
            return;
        }
        JsonNode response = JSON.readTree(bad.payload());
        int status = response.path("statusCode").asInt(-1);
        String contentType = "";
        if (response.get("headers") instanceof ObjectNode headers) {
            for (var h : headers.properties()) {
                if (h.getKey().equalsIgnoreCase("content-type")) {
                    contentType = h.getValue().asText();
                }
            }
        }
        String body = response.path("body").asText("");
        statuses.put(v.function(), Integer.toString(status));
        if (status < 400
                || status > 499
                || !contentType.startsWith("application/problem+json")
                || !body.contains("userId")) {
            problems.add(v.function() + " answered invalid input with " + status + " " + contentType + " " + body
                    + " (expected a 4xx application/problem+json naming userId)");
        }
        if (engines != null && !engines.drainDelivered().isEmpty()) {
            problems.add(v.function() + " published an event for invalid input");
        }
    }

    /**
     * Removes {@code field} from {@code node} when it holds exactly {@code expected} (a member one framework adds by
     * design, e.g. Bricks' correlation id), recording {@code label}; any other value stays and so makes the
     * comparison fail.
     */
    private static void documentedExtra(
            ObjectNode node, String field, JsonNode expected, String label, java.util.Set<String> seen) {
        if (expected.equals(node.get(field))) {
            node.remove(field);
            seen.add(label);
        }
    }

    /**
     * The response with its body parsed (key order and whitespace do not count), header names lower-cased (HTTP
     * header names are case-insensitive), and Bricks' {@code x-correlation-id} header (= the request id) and
     * {@code isBase64Encoded: false} (API Gateway's default) taken out as documented extras.
     */
    private static JsonNode normalizedResponse(JsonNode response, java.util.Set<String> seen) throws IOException {
        ObjectNode copy = response.deepCopy();
        JsonNode body = copy.get("body");
        if (body != null && body.isTextual()) {
            copy.set("body", JSON.readTree(body.asText()));
        }
        if (copy.get("headers") instanceof ObjectNode headers) {
            ObjectNode lower = JSON.createObjectNode();
            headers.properties().forEach(h -> lower.set(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            documentedExtra(
                    lower,
                    "x-correlation-id",
                    new TextNode(CHECK_REQUEST_ID),
                    "response header x-correlation-id=<request id>",
                    seen);
            copy.set("headers", lower);
        }
        documentedExtra(
                copy,
                "isBase64Encoded",
                JSON.getNodeFactory().booleanNode(false),
                "response isBase64Encoded=false",
                seen);
        return copy;
    }

    /**
     * Masks ISO times, the user id and the SDK's random {@code ClientRequestToken}; parses JSON held in strings
     * (EventBridge {@code Detail}).
     */
    static JsonNode normalize(JsonNode node, String userId) throws IOException {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            for (var e : node.properties()) {
                // the SDK fills ClientRequestToken with a random UUID on every TransactWriteItems
                out.set(
                        e.getKey(),
                        e.getKey().equals("ClientRequestToken")
                                ? new TextNode("<token>")
                                : normalize(e.getValue(), userId));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode n : node) {
                out.add(normalize(n, userId));
            }
            return out;
        }
        if (node.isTextual()) {
            String s = node.asText();
            if (s.startsWith("{") && s.endsWith("}")) {
                try {
                    return normalize(JSON.readTree(s), userId);
                } catch (IOException e) {
                    // not JSON after all: compare as text
                }
            }
            return new TextNode(s.replace(userId, "<user>")
                    .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<time>"));
        }
        return node;
    }

    // ---- helpers ----

    /** The place-order event of every run, with its request id and the body's user id filled in. */
    static byte[] event(String requestId, String userId) {
        try (InputStream in = ColdStartBenchmark.class.getResourceAsStream("place-order-event.json")) {
            String template = new String(
                    Objects.requireNonNull(in, "place-order-event.json").readAllBytes(), StandardCharsets.UTF_8);
            return template.replace("{{requestId}}", requestId)
                    .replace("{{userId}}", userId)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeCsv(List<Run> runs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(Run.csvHeader());
        runs.forEach(r -> lines.add(r.csv()));
        Files.write(options.work.resolve("runs.csv"), lines);
    }

    static void unzip(Path zip, Path into) throws IOException {
        Path dir = into.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("zip entry outside the deployment: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                    Files.setLastModifiedTime(target, e.getLastModifiedTime());
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** What the archive adds to the deployment zip when shipped inside it (deflated, as zip stores it). */
    private static long zippedSize(Path file) throws IOException {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            byte[] out = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                deflater.setInput(buf, 0, n);
                while (!deflater.needsInput()) {
                    deflater.deflate(out);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                deflater.deflate(out);
            }
            return deflater.getBytesWritten();
        } finally {
            deflater.end();
        }
    }

    private static String relative(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A 1-minute load average above half the cores means other work was competing with the runs. */
    private static boolean busy(String loadAverage) {
        try {
            return Double.parseDouble(loadAverage.split(" ")[0])
                    > Runtime.getRuntime().availableProcessors() / 2.0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        String mem = "";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse(cpu);
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal"))
                    .findFirst()
                    .map(l -> String.format(
                            Locale.ROOT, "%.0f GiB RAM", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .orElse("");
            os = Files.readAllLines(Path.of("/etc/os-release")).stream()
                            .filter(l -> l.startsWith("PRETTY_NAME="))
                            .findFirst()
                            .map(l -> l.substring(12).replace("\"", ""))
                            .orElse(os)
                    + ", kernel " + System.getProperty("os.version");
        } catch (IOException | RuntimeException e) {
            // best effort description
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + mem + ", " + os;
    }

    /** Command-line options. */
    record Options(
            int rounds,
            List<String> variants,
            int memoryMb,
            URI dynamoDb,
            URI eventBridge,
            Path functions,
            Path work,
            Path doc,
            String command,
            List<Variant.Jdk> jdks,
            List<Variant.Loading> loadings,
            List<Boolean> helps,
            String engines,
            String loadBefore,
            String commit) {

        static Options parse(String[] args) {
            int rounds = 20;
            List<String> variants = null;
            int memory = 512;
            URI ddb = null;
            URI eb = null;
            Path functions = Path.of("benchmarks/coldstart/functions");
            Path work = Path.of("benchmarks/coldstart/target/work");
            Path doc = Path.of("docs/benchmarks.md");
            String command = "java dev.bricks.benchmarks.coldstart.ColdStartBenchmark " + String.join(" ", args);
            String jdkList = "17,25";
            Path jdk25 = DEFAULT_JDK25;
            List<Variant.Loading> loadings = List.of(Variant.Loading.ZIP, Variant.Loading.IMAGE);
            List<Boolean> helps = List.of(false, true);
            String engines = "local";
            String loadBefore = null;
            String commit = "unknown commit";
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--rounds" -> {
                        rounds = Integer.parseInt(value);
                        if (rounds < 1 || rounds > 1000) {
                            throw new IllegalArgumentException("--rounds must be 1-1000, was " + value);
                        }
                    }
                    case "--variants" -> variants = List.of(value.split(","));
                    case "--memory" -> memory = Integer.parseInt(value);
                    case "--dynamodb-endpoint" -> ddb = URI.create(value);
                    case "--eventbridge-endpoint" -> eb = URI.create(value);
                    case "--functions" -> functions = Path.of(value);
                    case "--work" -> work = Path.of(value);
                    case "--doc" -> doc = Path.of(value);
                    case "--command" -> command = value;
                    case "--load-before" -> loadBefore = value;
                    case "--commit" -> commit = value;
                    case "--engines" -> {
                        if (!value.equals("local") && !value.equals("stub")) {
                            throw new IllegalArgumentException("--engines must be local or stub, was " + value);
                        }
                        engines = value;
                    }
                    case "--jdks" -> jdkList = value;
                    case "--jdk25" -> jdk25 = Path.of(value);
                    case "--loading" ->
                        loadings = Stream.of(value.split(","))
                                .map(l -> switch (l) {
                                    case "zip" -> Variant.Loading.ZIP;
                                    case "image" -> Variant.Loading.IMAGE;
                                    default ->
                                        throw new IllegalArgumentException(
                                                "--loading takes zip and/or image, was " + value);
                                })
                                .toList();
                    case "--help" ->
                        helps = Stream.of(value.split(","))
                                .map(h -> switch (h) {
                                    case "off" -> false;
                                    case "on" -> true;
                                    default ->
                                        throw new IllegalArgumentException("--help takes off and/or on, was " + value);
                                })
                                .toList();
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            List<Variant.Jdk> jdks = new ArrayList<>();
            for (String j : jdkList.split(",")) {
                switch (j) {
                    case "17" -> jdks.add(new Variant.Jdk(17, Path.of(System.getProperty("java.home"))));
                    case "25" -> jdks.add(new Variant.Jdk(25, jdk25));
                    default -> throw new IllegalArgumentException("--jdks takes 17 and/or 25, was " + jdkList);
                }
            }
            if ((ddb == null) != (eb == null)) {
                throw new IllegalArgumentException(
                        "give both --dynamodb-endpoint and --eventbridge-endpoint, or neither (stub)");
            }
            return new Options(
                    rounds,
                    variants,
                    memory,
                    ddb,
                    eb,
                    functions.toAbsolutePath().normalize(),
                    work.toAbsolutePath().normalize(),
                    doc.toAbsolutePath().normalize(),
                    command,
                    List.copyOf(jdks),
                    loadings,
                    helps,
                    ddb != null ? "external" : engines,
                    loadBefore,
                    commit);
        }
    }
}
