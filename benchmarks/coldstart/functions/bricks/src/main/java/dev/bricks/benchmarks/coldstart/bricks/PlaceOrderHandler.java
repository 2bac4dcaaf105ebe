package dev.bricks.benchmarks.coldstart.bricks;

import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.HttpResponse;
import dev.bricks.core.http.Problem;
import dev.bricks.core.http.ProblemException;
import dev.bricks.core.http.Route;
import dev.bricks.core.json.Json;
import dev.bricks.core.validation.NotBlank;
import dev.bricks.core.validation.NotEmpty;
import dev.bricks.core.validation.Size;
import dev.bricks.core.validation.Validator;
import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.EntityRepository;
import dev.bricks.dynamo.TableDefinition;
import dev.bricks.dynamo.TransactionCancelledException;
import dev.bricks.events.EventPublisher;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The seed's {@code placeOrder} on Bricks' public API, as the READMEs tell users to write it: a core
 * {@link HttpHandler} with a {@code @Route} taking a validated record, a dynamo-single-table transaction over the
 * {@link Order} and {@link UserProfile} entities, and an {@link EventPublisher} for {@link OrderPlaced};
 * bricks-observability is on the class path (JSON logs, correlation, EMF) through core's listener SPI.
 *
 * <p>Same behaviour as the bare variant: order id {@code ord_} + API Gateway request id, 201
 * {@code {"orderId":…}}, 409 when that order exists.
 */
public final class PlaceOrderHandler extends HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PlaceOrderHandler.class);

    /** The request body; bound from JSON and validated before {@link #placeOrder} runs. */
    public record PlaceOrder(
            @NotBlank @Size(max = 128) String userId,
            @NotEmpty @Size(max = 100) List<@NotBlank String> items) {}

    /** The 201 body. */
    public record Placed(String orderId) {}

    private final DynamoTable table;
    private final EntityRepository<UserProfile> users;
    private final EventPublisher events;

    public PlaceOrderHandler() {
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        table = DynamoTable.builder(
                        dynamo,
                        TableDefinition.builder(envOr("TABLE_NAME", "EcommerceData"))
                                .partitionKey("PK")
                                .sortKey("SK")
                                .build())
                .build();
        // transact() writes only entities whose repository was made on this table (checked at create/update)
        table.repository(OrderSchema.SCHEMA);
        users = table.repository(UserProfileSchema.SCHEMA);
        events = EventPublisher.builder()
                .eventBusName(envOr("EVENT_BUS_NAME", "default"))
                .build();
    }

    @Route(method = HttpMethod.POST, path = "/order")
    HttpResponse placeOrder(PlaceOrder order, HttpRequest request) {
        String requestId = request.requestId();
        String orderId = "ord_"
                + (requestId == null || requestId.isEmpty() ? UUID.randomUUID().toString() : requestId);
        Instant now = Instant.now();
        try {
            table.transact()
                    .create(new Order(orderId, order.userId(), order.items(), "CREATED", now))
                    .update(users.update(UserProfileSchema.key(order.userId()))
                            .add(UserProfileSchema.ORDER_COUNT, 1L)
                            .set(UserProfileSchema.LAST_ORDER_DATE, now))
                    .execute();
        } catch (TransactionCancelledException e) {
            if (e.cancellations().get(0).failed()) {
                throw new ProblemException(Problem.of(409, "Conflict", "order " + orderId + " was already placed"));
            }
            throw e;
        }
        LOG.info("Order {} created for user {}.", orderId, order.userId());
        events.publish(new OrderPlaced(orderId, order.userId(), order.items().size()))
                .orThrow();
        return HttpResponse.status(201)
                .header("content-type", "application/json")
                .json(new Placed(orderId))
                .build();
    }

    /**
     * SnapStart priming (run before the checkpoint): the request path without AWS calls — bind and validate a
     * sample body, write the 201 body and the event detail — so those classes are loaded and linked in the
     * snapshot. {@code BRICKS_BENCH_PRIME=false} skips it (the benchmark's unprimed SnapStart row).
     */
    @Override
    protected void prime() {
        if ("false".equalsIgnoreCase(System.getenv("BRICKS_BENCH_PRIME"))) {
            return;
        }
        PlaceOrder sample = Json.read("{\"userId\":\"priming\",\"items\":[\"sku-1\"]}", PlaceOrder.class);
        Validator.of(PlaceOrder.class).validate(sample);
        Json.write(new Placed("ord_priming"));
        Json.write(
                new OrderPlaced("ord_priming", sample.userId(), sample.items().size()));
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
