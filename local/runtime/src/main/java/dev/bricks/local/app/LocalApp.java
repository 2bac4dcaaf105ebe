package dev.bricks.local.app;

import dev.bricks.local.dynamodb.LocalDynamoDb;
import dev.bricks.local.eventbridge.LocalEventBridge;
import dev.bricks.local.functions.AsyncInvokeConfig;
import dev.bricks.local.functions.AsyncInvoker;
import dev.bricks.local.functions.FunctionEnvironments;
import dev.bricks.local.functions.FunctionLogs;
import dev.bricks.local.functions.FunctionSpec;
import dev.bricks.local.functions.JavaRuntimes;
import dev.bricks.local.gateway.ApiConfig;
import dev.bricks.local.gateway.LocalApiGateway;
import dev.bricks.local.s3.LocalS3;
import dev.bricks.local.s3.S3Config;
import dev.bricks.local.ses.LocalSes;
import dev.bricks.local.ses.SesConfig;
import dev.bricks.local.streams.DynamoDbStreamSource;
import dev.bricks.local.streams.StreamSourceConfig;
import dev.bricks.local.targets.EventBridgeLambdaTargets;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    private final Deque<AutoCloseable> resources;
    private final String startupTable;
    private final Duration readyAfter;
    private boolean closed;

    private LocalApp(Template template, Endpoints endpoints, FunctionEnvironments functions,
                     Deque<AutoCloseable> resources, String startupTable, Duration readyAfter) {
        this.template = template;
        this.endpoints = endpoints;
        this.functions = functions;
        this.resources = resources;
        this.startupTable = startupTable;
        this.readyAfter = readyAfter;
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
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            return start(template, options, resources, t0);
        } catch (RuntimeException | Error e) {
            closeAll(resources);
            throw e;
        }
    }

    private static LocalApp start(Template template, LocalAppOptions options, Deque<AutoCloseable> resources, long t0) {
        Path state = options.stateDirectory();
        LocalDynamoDb.Builder dynamoBuilder = LocalDynamoDb.builder().port(0);
        if (state != null) {
            dynamoBuilder.dataDirectory(createDirectories(state.resolve("dynamodb")));
        }
        LocalDynamoDb dynamo = dynamoBuilder.start();
        resources.push(dynamo);
        LocalEventBridge bus = LocalEventBridge.builder().port(0).build().start();
        resources.push(bus);
        createTables(template, AwsJson.dynamoDb(dynamo.endpoint()));
        FunctionLogs logs = new FunctionLogs(options.logs(), options.colour());
        LocalSes ses = new LocalSes(new SesConfig(0, state == null ? null : createDirectories(state.resolve("ses"))),
                line -> logs.line("ses", line)).start();
        resources.push(ses);
        // S3 starts after the functions exist (its notifications invoke them), on a port chosen now
        DeferredInvoker deferred = new DeferredInvoker();
        AsyncInvoker async = new AsyncInvoker(deferred, AsyncInvokeConfig.LOCAL_DEFAULT, line -> logs.line("async", line));
        resources.push(async);
        LocalS3 s3 = new LocalS3(new S3Config(0, state == null ? null : createDirectories(state.resolve("s3")),
                REGION, TriggerWiring.buckets(template)), async).start();
        resources.push(s3);

        Map<String, String> serviceEnvironment = new LinkedHashMap<>();
        serviceEnvironment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
        serviceEnvironment.put("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", dynamo.endpoint().toString());
        serviceEnvironment.put("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString());
        serviceEnvironment.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
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
            specs.add(new FunctionSpec(f.logicalId(), f.functionName(), f.artifact(), f.handler(), jdk.javaHome(),
                    f.memoryMb(), f.timeout(), environment(f, serviceEnvironment, options, warnings),
                    f.reservedConcurrency() != null && f.reservedConcurrency() > 0 ? f.reservedConcurrency()
                            : FunctionSpec.DEFAULT_CONCURRENCY));
        }
        FunctionEnvironments functions = new FunctionEnvironments(specs, logs);
        resources.push(functions);
        deferred.bind(functions);
        EventBridgeLambdaTargets targets = new EventBridgeLambdaTargets(bus, async);
        resources.push(targets);
        TriggerWiring.rules(template).forEach(targets::addRule);
        for (StreamSourceConfig stream : TriggerWiring.streams(template)) {
            resources.push(new DynamoDbStreamSource(dynamo.endpoint(), REGION, stream, functions,
                    line -> logs.line("streams", line)).start());
        }

        List<ApiConfig> apis = GatewayWiring.apis(template);
        LocalApiGateway gateway;
        try {
            LocalApiGateway.Builder gb = LocalApiGateway.builder(functions).port(options.port());
            apis.forEach(gb::api);
            gateway = gb.start();
        } catch (LocalApiGateway.PortInUseException e) {
            throw new LocalAppException("Port " + options.port() + " is already in use: stop what listens there or"
                    + " pick another with --port", e);
        }
        resources.push(gateway);
        Endpoints endpoints = new Endpoints(gateway.baseUrl(), dynamo.endpoint(), bus.endpoint(), s3.endpoint(),
                ses.endpoint());
        Duration ready = Duration.ofNanos(System.nanoTime() - t0);
        String table = StartupTable.render(template, endpoints, apis, jdks, warnings, ready);
        options.logs().print(table);
        options.logs().flush();
        return new LocalApp(template, endpoints, functions, resources, table, ready);
    }

    private static Map<String, String> environment(FunctionDefinition f, Map<String, String> services,
                                                   LocalAppOptions options, List<String> warnings) {
        Map<String, String> env = new LinkedHashMap<>(services);
        env.putAll(f.environment());
        for (String scope : List.of("Parameters", f.logicalId())) {
            Map<String, String> overrides = options.environmentOverrides().getOrDefault(scope, Map.of());
            overrides.forEach((name, value) -> {
                if (f.environment().containsKey(name)) {
                    env.put(name, value);
                } else if (!scope.equals("Parameters")) {
                    warnings.add("--env-vars: " + f.logicalId() + " declares no variable " + name + "; ignored (as SAM does)");
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
                    throw new TemplateException(t.location(), "table " + t.logicalId() + " cannot be created: "
                            + e.getMessage());
                }
            }
            if (t.ttlAttribute() != null) {
                dynamo.call("UpdateTimeToLive", Map.of("TableName", t.tableName(),
                        "TimeToLiveSpecification", Map.of("AttributeName", t.ttlAttribute(), "Enabled", true)));
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
        closeAll(resources);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }

    /** The URL of a path on the API gateway, e.g. {@code app.url("/hello")}. */
    public URI url(String path) {
        return endpoints.api().resolve(path.startsWith("/") ? path.substring(1) : path);
    }
}
