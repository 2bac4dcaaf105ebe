package dev.bricks.local.app;

import dev.bricks.local.console.ConsoleRecorder;
import dev.bricks.local.console.DevConsole;
import dev.bricks.local.dynamodb.LocalDynamoDb;
import dev.bricks.local.eventbridge.LocalEventBridge;
import dev.bricks.local.functions.AsyncInvokeConfig;
import dev.bricks.local.functions.AsyncInvoker;
import dev.bricks.local.functions.FunctionEnvironments;
import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.FunctionLogs;
import dev.bricks.local.functions.FunctionSpec;
import dev.bricks.local.functions.JavaRuntimes;
import dev.bricks.local.gateway.ApiConfig;
import dev.bricks.local.gateway.LocalApiGateway;
import dev.bricks.local.runtime.LoopbackHttpServers;
import dev.bricks.local.s3.LocalS3;
import dev.bricks.local.s3.S3BucketConfig;
import dev.bricks.local.s3.S3Config;
import dev.bricks.local.ses.LocalSes;
import dev.bricks.local.ses.SesConfig;
import dev.bricks.local.streams.DynamoDbStreamSource;
import dev.bricks.local.streams.StreamSourceConfig;
import dev.bricks.local.targets.EventBridgeLambdaTargets;
import dev.bricks.local.targets.LambdaRuleConfig;
import dev.bricks.local.template.FunctionDefinition;
import dev.bricks.local.template.TableDefinition;
import dev.bricks.local.template.Template;
import dev.bricks.local.template.TemplateException;
import dev.bricks.local.template.TemplateReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A whole SAM application running on this machine: the template's functions as warm JVMs on Lambda's runtime
 * client, its HTTP and REST APIs on one local API gateway, its tables on the local DynamoDB engine, its buses and
 * rules on the local EventBridge, each trigger wired to its function.
 *
 * <pre>{@code
 * try (LocalApp app = LocalApp.start(Path.of("template.yaml"), LocalAppOptions.defaults())) {
 *     HttpResponse<String> r = HttpClient.newHttpClient().send(
 *             HttpRequest.newBuilder(app.endpoints().api().resolve("/hello")).build(),
 *             HttpResponse.BodyHandlers.ofString());
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops every function JVM and service; it is idempotent.
 */
public final class LocalApp implements AutoCloseable {

    private static final String REGION = "us-east-1";

    private final Template template;
    private final Endpoints endpoints;
    private final FunctionEnvironments functions;
    private final FaultInjection faults;
    private final Shutdown shutdown;
    private final String startupTable;
    private final Duration readyAfter;
    private final DevConsole console;
    private boolean closed;

    private LocalApp(
            Template template,
            Endpoints endpoints,
            FunctionEnvironments functions,
            FaultInjection faults,
            Shutdown shutdown,
            String startupTable,
            Duration readyAfter,
            DevConsole console) {
        this.template = template;
        this.endpoints = endpoints;
        this.functions = functions;
        this.faults = faults;
        this.shutdown = shutdown;
        this.startupTable = startupTable;
        this.readyAfter = readyAfter;
        this.console = console;
    }

    /**
     * Reads the template and starts everything it describes. Functions start on first use.
     *
     * @param templateFile the SAM template; not null
     * @param options ports, state, overrides, logs; not null
     * @return the running app; never null
     * @throws TemplateException when the template cannot be run (with file position)
     * @throws LocalAppException when a service cannot start (e.g. the port is in use)
     */
    public static LocalApp start(Path templateFile, LocalAppOptions options) {
        long t0 = System.nanoTime();
        Objects.requireNonNull(options, "options");
        Template template = TemplateReader.read(templateFile, options.parameterOverrides());
        Shutdown shutdown = new Shutdown();
        try {
            return start(template, options, shutdown, t0);
        } catch (RuntimeException | Error e) {
            shutdown.closeAll();
            throw e;
        }
    }

    private static LocalApp start(Template template, LocalAppOptions options, Shutdown shutdown, long t0) {
        Path state = options.stateDirectory();
        // before any JDK HTTP server of this JVM, including the DynamoDB and EventBridge engines' own
        LoopbackHttpServers.enableNoDelay();
        List<LambdaRuleConfig> rules = TriggerWiring.rules(template);
        // the dev console's recorder, fed by hooks in the logs, gateway, invoker, SES and S3 (ConsoleWiring)
        ConsoleRecorder recorder = ConsoleWiring.recorder(options.console(), rules);
        FunctionLogs logs = ConsoleWiring.logs(options, recorder);
        LoopbackHttpServers.noDelayWarning().ifPresent(warning -> logs.line("local", warning));
        DeferredInvoker deferred = new DeferredInvoker();
        FaultInjection faults = new FaultInjection(options, line -> logs.line("faults", line));
        AsyncInvoker async = shutdown.add(
                Shutdown.Stage.TRIGGERS,
                new AsyncInvoker(deferred, AsyncInvokeConfig.LOCAL_DEFAULT, line -> logs.line("async", line)));
        List<ApiConfig> apis = GatewayWiring.apis(template);
        List<StreamSourceConfig> streams = TriggerWiring.streams(template);
        List<DynamoDbStreamSource> streamSources = new CopyOnWriteArrayList<>();
        // the services start in parallel; triggers hold a deferred invoker until functions exist
        ExecutorService starter = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bricks-start");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<LocalDynamoDb> dynamoStarted = CompletableFuture.supplyAsync(
                    () -> {
                        LocalDynamoDb.Builder b = LocalDynamoDb.builder().port(0);
                        if (state != null) {
                            b.dataDirectory(createDirectories(state.resolve("dynamodb")));
                        }
                        LocalDynamoDb dynamo = shutdown.add(Shutdown.Stage.SERVICES, b.start());
                        createTables(template, AwsJson.dynamoDb(dynamo.endpoint()));
                        for (StreamSourceConfig stream : streams) {
                            streamSources.add(shutdown.add(
                                    Shutdown.Stage.TRIGGERS,
                                    new DynamoDbStreamSource(
                                                    dynamo.endpoint(),
                                                    REGION,
                                                    stream,
                                                    faults.repeatingStreamBatches(deferred),
                                                    line -> logs.line("streams", line))
                                            .start()));
                        }
                        return dynamo;
                    },
                    starter);
            CompletableFuture<LocalEventBridge> busStarted = CompletableFuture.supplyAsync(
                    () -> {
                        LocalEventBridge bus = shutdown.add(
                                Shutdown.Stage.SERVICES,
                                LocalEventBridge.builder().port(0).build().start());
                        EventBridgeLambdaTargets targets = shutdown.add(
                                Shutdown.Stage.TRIGGERS,
                                new EventBridgeLambdaTargets(bus, async, faults::eventBridgeDeliveries));
                        for (LambdaRuleConfig rule : rules) {
                            try {
                                targets.addRule(rule);
                            } catch (IllegalArgumentException e) {
                                throw new TemplateException(null, e.getMessage());
                            }
                        }
                        return bus;
                    },
                    starter);
            CompletableFuture<LocalSes> sesStarted = CompletableFuture.supplyAsync(
                    () -> shutdown.add(
                            Shutdown.Stage.SERVICES,
                            new LocalSes(
                                            new SesConfig(
                                                    0, state == null ? null : createDirectories(state.resolve("ses"))),
                                            line -> logs.line("ses", line))
                                    .onMail(ConsoleWiring.mails(recorder))
                                    .start()),
                    starter);
            // S3 only when the template has buckets; its slow start (jclouds, Guice, Jetty) runs behind a port
            // that accepts and holds connections at once, so it is not on the way to ready
            List<S3BucketConfig> buckets = TriggerWiring.buckets(template);
            LocalS3 s3 = buckets.isEmpty()
                    ? null
                    : shutdown.add(
                            Shutdown.Stage.TRIGGERS,
                            new LocalS3(
                                            new S3Config(
                                                    0,
                                                    state == null ? null : createDirectories(state.resolve("s3")),
                                                    REGION,
                                                    buckets),
                                            async)
                                    .onObjectCreated(ConsoleWiring.objects(recorder))
                                    .startInBackground(line -> logs.line("s3", line)));
            CompletableFuture<LocalApiGateway> gatewayStarted = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            LocalApiGateway.Builder gb =
                                    LocalApiGateway.builder(deferred).port(options.port());
                            apis.forEach(gb::api);
                            if (recorder != null) {
                                gb.observer(recorder.gatewayObserver());
                            }
                            return shutdown.add(Shutdown.Stage.GATEWAY, gb.start());
                        } catch (LocalApiGateway.PortInUseException e) {
                            throw new LocalAppException(
                                    "Port " + options.port() + " is already in use: stop what listens"
                                            + " there or pick another with --port",
                                    e);
                        }
                    },
                    starter);
            CompletableFuture.allOf(dynamoStarted, busStarted, sesStarted, gatewayStarted)
                    .exceptionally(e -> null)
                    .join();
            LocalDynamoDb dynamo = joined(dynamoStarted);
            LocalEventBridge bus = joined(busStarted);
            LocalSes ses = joined(sesStarted);
            LocalApiGateway gateway = joined(gatewayStarted);

            Map<String, String> serviceEnvironment = new LinkedHashMap<>();
            serviceEnvironment.put(
                    "AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
            serviceEnvironment.put(
                    "AWS_ENDPOINT_URL_DYNAMODB_STREAMS", dynamo.endpoint().toString());
            serviceEnvironment.put(
                    "AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString());
            if (s3 != null) {
                serviceEnvironment.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
            }
            serviceEnvironment.put("AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString());
            List<String> warnings = new ArrayList<>(template.warnings());
            List<FunctionSpec> specs = new ArrayList<>();
            Map<String, String> jdks = new LinkedHashMap<>();
            for (FunctionDefinition f : template.functions()) {
                JavaRuntimes.Choice jdk = JavaRuntimes.resolve(f.runtime());
                if (jdk.warning() != null) {
                    warnings.add(f.logicalId() + ": " + jdk.warning());
                }
                jdks.put(f.logicalId(), jdk.javaHome().toString());
                specs.add(new FunctionSpec(
                        f.logicalId(),
                        f.functionName(),
                        f.artifact(),
                        f.handler(),
                        jdk.javaHome(),
                        f.memoryMb(),
                        f.timeout(),
                        environment(f, serviceEnvironment, options, warnings),
                        f.reservedConcurrency() != null && f.reservedConcurrency() > 0
                                ? f.reservedConcurrency()
                                : FunctionSpec.DEFAULT_CONCURRENCY));
            }
            FunctionEnvironments functions =
                    shutdown.add(Shutdown.Stage.FUNCTIONS, new FunctionEnvironments(specs, logs));
            ConsoleWiring.feed(recorder, dynamo, bus, functions);
            try {
                faults.bind(functions, dynamo);
            } catch (FunctionInvoker.UnknownFunctionException e) {
                throw new LocalAppException("failInvocations: " + e.getMessage(), e);
            }
            FunctionInvoker failing = faults.failing(functions);
            deferred.bind(recorder == null ? failing : recorder.recording(failing));
            Endpoints endpoints = new Endpoints(
                    gateway.baseUrl(),
                    dynamo.endpoint(),
                    bus.endpoint(),
                    s3 == null ? null : s3.endpoint(),
                    ses.endpoint());
            Duration ready = Duration.ofNanos(System.nanoTime() - t0);
            DevConsole console = recorder == null
                    ? null
                    : shutdown.add(
                            Shutdown.Stage.GATEWAY,
                            ConsoleWiring.console(
                                    recorder, template, deferred, functions, endpoints, ses, async, streamSources));
            if (console != null) {
                console.mountOn(gateway);
            }
            String table = StartupTable.render(template, endpoints, apis, jdks, warnings, ready, console);
            options.logs().print(table);
            options.logs().flush();
            return new LocalApp(template, endpoints, functions, faults, shutdown, table, ready, console);
        } finally {
            starter.shutdown();
        }
    }

    /** The value of a finished start step, or its failure as thrown (a user-facing exception stays one). */
    private static <T> T joined(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static Map<String, String> environment(
            FunctionDefinition f, Map<String, String> services, LocalAppOptions options, List<String> warnings) {
        Map<String, String> env = new LinkedHashMap<>(services);
        env.putAll(f.environment());
        for (String scope : List.of("Parameters", f.logicalId())) {
            Map<String, String> overrides = options.environmentOverrides().getOrDefault(scope, Map.of());
            overrides.forEach((name, value) -> {
                if (f.environment().containsKey(name)) {
                    env.put(name, value);
                } else if (!scope.equals("Parameters")) {
                    warnings.add("--env-vars: " + f.logicalId() + " declares no variable " + name
                            + "; ignored (as SAM does)");
                }
            });
        }
        return env;
    }

    private static void createTables(Template template, AwsJson dynamo) {
        for (TableDefinition t : template.tables()) {
            try {
                dynamo.call("CreateTable", t.createTableRequest());
            } catch (AwsJson.AwsError e) {
                if (!e.type().equals("ResourceInUseException")) { // kept from an earlier run (--state)
                    throw new TemplateException(
                            t.location(), "table " + t.logicalId() + " cannot be created: " + e.getMessage());
                }
            }
            if (t.ttlAttribute() != null) {
                dynamo.call(
                        "UpdateTimeToLive",
                        Map.of(
                                "TableName",
                                t.tableName(),
                                "TimeToLiveSpecification",
                                Map.of("AttributeName", t.ttlAttribute(), "Enabled", true)));
            }
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LocalAppException("Cannot use state directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The local endpoints; never null. */
    public Endpoints endpoints() {
        return endpoints;
    }

    /** The template as read; never null. */
    public Template template() {
        return template;
    }

    /** The functions' execution environments: invoke a function directly, count its environments. */
    public FunctionEnvironments functions() {
        return functions;
    }

    /**
     * Fault injection: counters of the failures and duplicate deliveries configured in {@link LocalAppOptions},
     * and kill hooks. Invocations through {@link #functions()} are not subject to it; every trigger's are.
     */
    public FaultInjection faults() {
        return faults;
    }

    /**
     * The dev console ({@code http://127.0.0.1:<port>/_bricks/}, its token); empty when
     * {@link LocalAppOptions#console()} turned it off.
     */
    public Optional<DevConsole> console() {
        return Optional.ofNullable(console);
    }

    /** The template's {@code Outputs}, evaluated; never null. */
    public Map<String, String> outputs() {
        return template.outputs();
    }

    /** The table printed at start; never null. */
    public String startupTable() {
        return startupTable;
    }

    /** From {@link #start} to ready: template read, services up, before any function started. */
    public Duration readyAfter() {
        return readyAfter;
    }

    /** Stops the gateway, every function JVM (waiting for them) and every service, newest first. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutdown.closeAll();
    }

    /** The URL of a path on the API gateway, e.g. {@code app.url("/hello")}. */
    public URI url(String path) {
        return endpoints.api().resolve(path.startsWith("/") ? path.substring(1) : path);
    }
}
