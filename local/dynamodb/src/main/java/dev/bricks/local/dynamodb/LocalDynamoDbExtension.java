package dev.bricks.local.dynamodb;

import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

/**
 * JUnit 5 extension: starts a {@link LocalDynamoDb} and hands out configured SDK clients (fake credentials,
 * us-east-1, endpoint overridden), as test-method parameters or through its accessors.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();
 *
 * @Test
 * void works(DynamoDbClient client) { ... }
 * }</pre>
 *
 * {@link #perClass()} (also what {@code @ExtendWith(LocalDynamoDbExtension.class)} gives) starts one engine per test
 * class and closes it after the class; {@link #shared()} uses one engine for the whole test run (closed when the run
 * ends), so tests must use distinct table names. Register it on a {@code static} field. The clients reach the engine
 * in-process by default ({@link LocalDynamoDb#httpClient()}: same protocol code, no socket); use
 * {@link #transport(Transport)} with {@link Transport#HTTP} to go through the loopback HTTP server instead (then one
 * SDK HTTP client must be on the test class path). The SDK module {@code dynamodb} (and {@code dynamodb-enhanced}
 * for the enhanced client) must be on the test class path. Thread-safe.
 */
public final class LocalDynamoDbExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {
    private static final Set<String> TYPES = Set.of(
            LocalDynamoDb.class.getName(),
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient",
            "software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient");
    private static final Object SHARED_KEY = LocalDynamoDbExtension.class.getName() + ".shared";

    /** How the extension's SDK clients reach the engine. */
    public enum Transport {
        /** Through {@link LocalDynamoDb#httpClient()}: the engine answers in the calling thread, no socket (the default). */
        IN_PROCESS,
        /** Over HTTP on loopback through {@link LocalDynamoDb#endpoint()}, with the SDK's default HTTP client. */
        HTTP
    }

    private final boolean shared;
    private final Transport transport;
    private volatile LocalDynamoDb engine;
    private volatile Object client;
    private volatile Object enhanced;
    private volatile Object streams;
    /** The context whose afterAll ends this engine (the outermost class that started it, not a @Nested one). */
    private volatile String owner;

    /** For {@code @ExtendWith}: one engine per test class. */
    public LocalDynamoDbExtension() {
        this(false, Transport.IN_PROCESS);
    }

    private LocalDynamoDbExtension(boolean shared, Transport transport) {
        this.shared = shared;
        this.transport = transport;
    }

    /** One engine per test class. */
    public static LocalDynamoDbExtension perClass() {
        return new LocalDynamoDbExtension(false, Transport.IN_PROCESS);
    }

    /** One engine for the whole test run, shared by every class that registers a shared extension. */
    public static LocalDynamoDbExtension shared() {
        return new LocalDynamoDbExtension(true, Transport.IN_PROCESS);
    }

    /**
     * The same extension with its clients using the given transport, e.g.
     * {@code LocalDynamoDbExtension.perClass().transport(Transport.HTTP)} to test over a real socket.
     */
    public LocalDynamoDbExtension transport(Transport transport) {
        return new LocalDynamoDbExtension(shared, Objects.requireNonNull(transport, "transport"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ensureStarted(context);
    }

    private synchronized void ensureStarted(ExtensionContext context) {
        if (engine != null) {
            return;
        }
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent())
            c = c.getParent().get();
        owner = c.getUniqueId();
        if (shared) {
            SharedEngine holder = context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(SHARED_KEY, k -> new SharedEngine(LocalDynamoDb.start()), SharedEngine.class);
            engine = holder.db;
        } else {
            engine = LocalDynamoDb.start();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (owner != null && !owner.equals(context.getUniqueId())) {
            return;
        }
        closeClients();
        if (!shared && engine != null) {
            engine.close();
        }
        engine = null;
    }

    private void closeClients() {
        for (Object c : new Object[] {client, streams}) {
            if (c instanceof AutoCloseable a) {
                try {
                    a.close();
                } catch (Exception e) {
                    // closing a client that failed to close has no effect on the engine
                }
            }
        }
        client = null;
        enhanced = null;
        streams = null;
    }

    /** The running engine; never null once the extension has started (before the first test). */
    public LocalDynamoDb engine() {
        LocalDynamoDb e = engine;
        if (e == null) {
            throw new IllegalStateException("the extension has not started: register it on a static field");
        }
        return e;
    }

    /** A DynamoDbClient for the engine, built once and closed with the extension. */
    public synchronized DynamoDbClient client() {
        if (client == null) {
            DynamoDbClientBuilder builder = DynamoDbClient.builder()
                    .endpointOverride(engine().endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            if (transport == Transport.IN_PROCESS) {
                builder.httpClient(engine().httpClient());
            }
            client = builder.build();
        }
        return (DynamoDbClient) client;
    }

    /** A DynamoDbEnhancedClient over {@link #client()}. */
    public synchronized DynamoDbEnhancedClient enhancedClient() {
        if (enhanced == null) {
            enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client()).build();
        }
        return (DynamoDbEnhancedClient) enhanced;
    }

    /** A DynamoDbStreamsClient for the engine, built once and closed with the extension. */
    public synchronized DynamoDbStreamsClient streamsClient() {
        if (streams == null) {
            DynamoDbStreamsClientBuilder builder = DynamoDbStreamsClient.builder()
                    .endpointOverride(engine().endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            if (transport == Transport.IN_PROCESS) {
                builder.httpClient(engine().httpClient());
            }
            streams = builder.build();
        }
        return (DynamoDbStreamsClient) streams;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        return TYPES.contains(p.getParameter().getType().getName());
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        ensureStarted(c);
        String type = p.getParameter().getType().getName();
        if (type.equals(LocalDynamoDb.class.getName())) {
            return engine();
        }
        if (type.endsWith("DynamoDbEnhancedClient")) {
            return enhancedClient();
        }
        if (type.endsWith("DynamoDbStreamsClient")) {
            return streamsClient();
        }
        return client();
    }

    /** Closes the shared engine when the test run's root context closes. */
    private record SharedEngine(LocalDynamoDb db) implements AutoCloseable {
        @Override
        public void close() {
            db.close();
        }
    }
}
