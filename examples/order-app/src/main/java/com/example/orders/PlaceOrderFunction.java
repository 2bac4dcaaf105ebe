package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.HttpResponse;
import dev.bricks.core.http.Principal;
import dev.bricks.core.http.Problem;
import dev.bricks.core.http.ProblemException;
import dev.bricks.core.http.Route;
import dev.bricks.core.validation.Max;
import dev.bricks.core.validation.Min;
import dev.bricks.core.validation.NotEmpty;
import dev.bricks.core.validation.NotNull;
import dev.bricks.core.validation.Pattern;
import dev.bricks.core.validation.Size;
import dev.bricks.core.validation.ValidationException;
import dev.bricks.core.validation.Violation;
import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.EntityKey;
import dev.bricks.dynamo.EntityRepository;
import dev.bricks.dynamo.TransactionBuilder;
import dev.bricks.dynamo.UpdateBuilder;
import dev.bricks.dynamo.VersionCheck;
import dev.bricks.idempotency.HttpIdempotency;
import dev.bricks.idempotency.Idempotency;
import dev.bricks.outbox.Outbox;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code POST /order}: stores the order, counts it on the user's profile and writes its {@code OrderPlaced} event to
 * the outbox, in one DynamoDB transaction. The user is the authorizer's principal; a body {@code userId} that
 * differs is refused (403). With an {@code Idempotency-Key} header, the same key and body within 24 h answer the
 * first response, another body 422; the idempotency record completes in the order's own transaction
 * ({@link HttpIdempotency#respondInTransaction}), so a crash after the commit never places a second order.
 */
public final class PlaceOrderFunction extends HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(PlaceOrderFunction.class);

    /** What a SKU may look like (never the key delimiter {@code #}). */
    static final String SKU = "[A-Z0-9][A-Z0-9-]{0,31}";
    /** How long a key's first response is replayed. */
    static final Duration IDEMPOTENCY_EXPIRY = Duration.ofHours(24);

    /** One requested line. */
    public record Item(
            @NotNull @Pattern(regexp = SKU) String sku,
            @Min(1) @Max(1000) int quantity) {}

    /** The request body; {@code userId} is optional and must be the caller's own. */
    public record PlaceOrder(
            @Pattern(regexp = Caller.USER_ID) String userId,
            @NotEmpty @Size(max = 100) List<@NotNull Item> items) {}

    /** The 201 body. */
    public record Placed(String orderId, String message) {}

    private final DynamoTable table;
    private final EntityRepository<Product> products;
    private final EntityRepository<Profile> profiles;
    private final EntityRepository<Order> orders;
    private final Outbox outbox;
    private final HttpIdempotency idempotent;

    public PlaceOrderFunction() {
        DynamoDbClient dynamo = AppTable.client();
        table = AppTable.table(dynamo);
        products = table.repository(ProductSchema.SCHEMA);
        profiles = table.repository(ProfileSchema.SCHEMA);
        orders = table.repository(OrderSchema.SCHEMA);
        outbox = Outbox.builder(table).build();
        idempotent = new HttpIdempotency(Idempotency.builder(dynamo, table)
                .namespace("placeOrder")
                .expiry(IDEMPOTENCY_EXPIRY)
                .build());
    }

    @Route(method = HttpMethod.POST, path = "/order")
    HttpResponse placeOrder(PlaceOrder body, HttpRequest request, Context context) {
        Principal caller = Caller.of(request);
        String userId = Caller.userId(request);
        if (body.userId() != null && !body.userId().equals(userId)) {
            throw new ProblemException(
                    Problem.of(403, "Forbidden", "userId in the body is not the caller's; leave it out"));
        }
        if (request.header(HttpIdempotency.KEY_HEADER).isEmpty()) {
            TransactionBuilder tx = table.transact();
            HttpResponse response = place(tx, userId, caller, body);
            tx.execute();
            return response;
        }
        // the order, its counter, its event and the stored response commit together: a retry after a crash
        // between the commit and the response gets this response replayed, never a second order
        return idempotent.respondInTransaction(request, context, tx -> place(tx, userId, caller, body));
    }

    /** Adds the order, the profile's counter and the {@code OrderPlaced} event to {@code tx}; answers its 201. */
    private HttpResponse place(TransactionBuilder tx, String userId, Principal caller, PlaceOrder body) {
        List<OrderLine> lines = priced(body.items());
        Instant now = Instant.now();
        String orderId = OrderIds.next(now);
        BigDecimal total = lines.stream()
                .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        UpdateBuilder<Profile> counter = profiles.update(ProfileSchema.key(userId))
                .versionCheck(VersionCheck.SKIP)
                .add(ProfileSchema.ORDER_COUNT, 1L)
                .set(ProfileSchema.LAST_ORDER_DATE, now);
        emailOf(caller).ifPresent(email -> counter.setIfAbsent(ProfileSchema.EMAIL, email));
        tx.create(new Order(userId, orderId, OrderStatus.PLACED, lines, total, now))
                .update(counter);
        List<OrderPlaced.Line> eventLines = lines.stream()
                .map(l -> new OrderPlaced.Line(l.sku(), l.quantity()))
                .toList();
        outbox.publish(tx, "ORDER#" + orderId, new OrderPlaced(orderId, userId, eventLines, total));
        LOG.info("order {} for user {}: {} line(s), total {}", orderId, userId, lines.size(), total);
        return HttpResponse.status(201)
                .header("Location", "/orders/" + orderId)
                .json(new Placed(orderId, "Order received"))
                .build();
    }

    /** Each line with its product's price; every unknown or repeated SKU is a 422 naming the field. */
    private List<OrderLine> priced(List<Item> items) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i).sku())) {
                violations.add(new Violation("items[" + i + "].sku", "appears twice; one line per SKU"));
            }
        }
        List<EntityKey<Product>> keys = seen.stream().map(ProductSchema::key).toList();
        Map<String, Product> known =
                table.batchGet(keys).itemsOf(Product.class).stream().collect(Collectors.toMap(Product::sku, p -> p));
        for (int i = 0; i < items.size(); i++) {
            if (!known.containsKey(items.get(i).sku())) {
                violations.add(new Violation(
                        "items[" + i + "].sku",
                        "unknown product " + items.get(i).sku()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return items.stream()
                .map(i ->
                        new OrderLine(i.sku(), i.quantity(), known.get(i.sku()).price()))
                .toList();
    }

    /** The token's {@code email} claim (the authorizer passes it on), kept on the profile for the confirmation mail. */
    private static Optional<String> emailOf(Principal caller) {
        return Optional.ofNullable(caller.claim(OrdersAuthorizer.EMAIL)).filter(e -> !e.isBlank());
    }
}
