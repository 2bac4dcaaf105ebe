package com.example.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.EntityRepository;
import dev.bricks.local.app.LocalApp;
import dev.bricks.local.app.LocalAppOptions;
import dev.bricks.local.functions.InvokeOutcome;
import dev.bricks.local.ses.LocalSes;
import dev.bricks.test.ApiClient;
import dev.bricks.test.HttpEvents;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The order app's {@code template.yaml} on bricks-local with a {@link LocalIssuer}, a random cursor secret and a
 * real {@link DynamoDbClient} on the local table; HTTP calls through bricks-test's {@link ApiClient}. For the demo
 * and the tests.
 */
final class LocalOrderApp implements AutoCloseable {

    static final String TABLE = "orders-app-staging";
    static final String MAIL_FROM = "orders@shop.example";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(120);

    private final LocalIssuer issuer;
    private final LocalApp app;
    private final DynamoDbClient dynamo;
    private final ApiClient api;
    private final ApiClient ses;
    private final EntityRepository<Stock> stock;
    private final EntityRepository<Order> orders;
    private final EntityRepository<Profile> profiles;

    private LocalOrderApp(LocalIssuer issuer, LocalApp app) {
        this.issuer = issuer;
        this.app = app;
        this.api =
                ApiClient.builder().baseUrl(app.endpoints().api()).timeout(WAIT).build();
        this.ses =
                ApiClient.builder().baseUrl(app.endpoints().ses()).timeout(WAIT).build();
        this.dynamo = DynamoDbClient.builder()
                .endpointOverride(app.endpoints().dynamoDb())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        DynamoTable table =
                DynamoTable.builder(dynamo, AppTable.definition(TABLE)).build();
        this.stock = table.repository(StockSchema.SCHEMA);
        this.orders = table.repository(OrderSchema.SCHEMA);
        this.profiles = table.repository(ProfileSchema.SCHEMA);
    }

    /** Starts the issuer and the template (in {@code dir}), with the given API port (0: a free one). */
    static LocalOrderApp start(Path template, int port, PrintStream logs) {
        return start(template, port, logs, options -> {});
    }

    /** As {@link #start(Path, int, PrintStream)}, with more options (fault injection) set by {@code more}. */
    static LocalOrderApp start(Path template, int port, PrintStream logs, Consumer<LocalAppOptions.Builder> more) {
        LocalIssuer issuer = LocalIssuer.start();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            LocalAppOptions.Builder options = LocalAppOptions.builder()
                    .port(port)
                    .parameterOverride("JwtIssuer", issuer.issuer())
                    .parameterOverride("JwtAudience", LocalIssuer.AUDIENCE)
                    .parameterOverride("CursorSecret", Base64.getEncoder().encodeToString(secret))
                    .parameterOverride("MailFrom", MAIL_FROM)
                    .parameterOverride("FunctionMemory", "384")
                    .logs(logs)
                    .colour(false);
            more.accept(options);
            return new LocalOrderApp(issuer, LocalApp.start(template, options.build()));
        } catch (RuntimeException e) {
            issuer.close();
            throw e;
        }
    }

    LocalApp app() {
        return app;
    }

    LocalIssuer issuer() {
        return issuer;
    }

    /** Invokes the seed function: the demo catalogue and its stock. */
    void seed() {
        InvokeOutcome outcome = app.functions().invoke("SeedFunction", "{}".getBytes(StandardCharsets.UTF_8));
        if (!outcome.succeeded()) {
            throw new IllegalStateException("seeding failed: " + outcome.payloadAsString());
        }
    }

    /** The app's HTTP API (bricks-local's gateway); each request waits up to {@link #WAIT}. */
    ApiClient api() {
        return api;
    }

    /** The mails bricks-local's SES caught, oldest first: {@code [{messageId, from, to, subject, …}]}. */
    List<JsonNode> mails() {
        String body = ses.send(HttpEvents.v2().get(LocalSes.EMAILS_PATH)).body();
        try {
            List<JsonNode> mails = new ArrayList<>();
            JSON.readTree(body).forEach(mails::add);
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One captured mail as its {@code .eml} text. */
    String mailText(String messageId) {
        return ses.send(HttpEvents.v2().get(LocalSes.EMAILS_PATH + "/" + messageId))
                .body();
    }

    long stock(String sku) {
        return stock.get(StockSchema.key(sku)).map(Stock::available).orElse(0L);
    }

    Optional<Order> order(String userId, String orderId) {
        return orders.get(OrderSchema.key(userId, orderId));
    }

    List<Order> orders(String userId) {
        return orders.query(OrderSchema.partition(userId)).stream().toList();
    }

    Optional<Profile> profile(String userId) {
        return profiles.get(ProfileSchema.key(userId));
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    /** Polls until the supplier gives a present value, or fails after {@link #WAIT}. */
    static <T> T await(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        dynamo.close();
        app.close();
        issuer.close();
    }
}
