package dev.bricks.test;

import dev.bricks.local.dynamodb.LocalDynamoDb;
import dev.bricks.local.dynamodb.LocalDynamoDbExtension;
import dev.bricks.local.eventbridge.LocalEventBridge;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * JUnit 5 extension that runs Bricks' local engines for a test class — DynamoDB ({@link LocalDynamoDb}, reached
 * in-process through {@link LocalDynamoDb#httpClient()}: no socket) and EventBridge ({@link LocalEventBridge} on a
 * loopback port) — and injects real AWS SDK v2 clients pointed at them (region us-east-1, fake credentials) as
 * test-method or constructor parameters: {@link DynamoDbClient}, {@link DynamoDbEnhancedClient},
 * {@link DynamoDbStreamsClient}, {@link EventBridgeClient}, and the engines themselves.
 *
 * <pre>{@code
 * @ExtendWith(LocalAwsExtension.class)
 * class PlaceOrderTest {
 *     @Test
 *     void placeOrder_validBody_storesTheOrder(DynamoDbClient dynamo, EventBridgeClient events, LocalEventBridge bus) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Or {@code @RegisterExtension static final LocalAwsExtension AWS = new LocalAwsExtension();} and the
 * accessors. The engines start before the class's first test and stop after its last one, so state (tables,
 * rules) is shared by the tests of one class: use distinct table names or keys per test. Thread-safe.
 */
public final class LocalAwsExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {

    private final LocalDynamoDbExtension dynamo = LocalDynamoDbExtension.perClass();
    private LocalEventBridge bus;
    private EventBridgeClient events;
    private String owner;

    /** One set of engines per test class. */
    public LocalAwsExtension() {}

    @Override
    public void beforeAll(ExtensionContext context) {
        dynamo.beforeAll(context);
        startBus(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        dynamo.beforeEach(context);
        startBus(context);
    }

    private synchronized void startBus(ExtensionContext context) {
        if (bus == null) {
            ExtensionContext c = context;
            while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
                c = c.getParent().get();
            }
            owner = c.getUniqueId();
            bus = LocalEventBridge.builder().build().start();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        dynamo.afterAll(context);
        if (owner == null || !owner.equals(context.getUniqueId())) {
            return;
        }
        if (events != null) {
            events.close();
            events = null;
        }
        bus.close();
        bus = null;
        owner = null;
    }

    /** The local DynamoDB engine; started before the first test. */
    public LocalDynamoDb dynamoDb() {
        return dynamo.engine();
    }

    /** A DynamoDbClient on the local engine (in-process transport), built once per class. */
    public DynamoDbClient dynamoDbClient() {
        return dynamo.client();
    }

    /** A DynamoDbEnhancedClient over {@link #dynamoDbClient()}. */
    public DynamoDbEnhancedClient enhancedClient() {
        return dynamo.enhancedClient();
    }

    /** A DynamoDbStreamsClient on the local engine. */
    public DynamoDbStreamsClient streamsClient() {
        return dynamo.streamsClient();
    }

    /** The local EventBridge; add rules with {@code addRule} to see what a handler published. */
    public synchronized LocalEventBridge eventBridge() {
        if (bus == null) {
            throw new IllegalStateException("the extension has not started: register it on a static field");
        }
        return bus;
    }

    /** An EventBridgeClient on the local bus (the JDK's URL connection over loopback), built once per class. */
    public synchronized EventBridgeClient eventBridgeClient() {
        if (events == null) {
            events = EventBridgeClient.builder()
                    .endpointOverride(eventBridge().endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return events;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
        Class<?> type = p.getParameter().getType();
        return type == LocalEventBridge.class || type == EventBridgeClient.class || dynamo.supportsParameter(p, c);
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
        Class<?> type = p.getParameter().getType();
        if (type == LocalEventBridge.class || type == EventBridgeClient.class) {
            startBus(c);
            return type == LocalEventBridge.class ? eventBridge() : eventBridgeClient();
        }
        return dynamo.resolveParameter(p, c);
    }
}
