package dev.bricks.core.samples;

import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.HttpResponse;
import dev.bricks.core.http.PathParam;
import dev.bricks.core.http.Problem;
import dev.bricks.core.http.ProblemException;
import dev.bricks.core.http.Route;
import dev.bricks.core.validation.Max;
import dev.bricks.core.validation.Min;
import dev.bricks.core.validation.NotBlank;
import dev.bricks.core.validation.NotEmpty;
import dev.bricks.core.validation.Size;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sample: the seed article's {@code placeOrder} (POST /order with {userId, items} → 201 {orderId, message})
 * on Bricks, with the order kept in memory (the DynamoDB and EventBridge parts live in the other modules).
 * Run it once with the one-shot invoker command of the root README's "Building" section.
 */
public final class PlaceOrderHandler extends HttpHandler {

    /** One order line. */
    public record Item(
            @NotBlank String sku, @Min(1) @Max(100) int quantity) {}

    /** The request body. */
    public record PlaceOrder(
            @NotBlank String userId,
            @NotEmpty @Size(max = 50) List<Item> items) {}

    /** The 201 body. */
    public record OrderReceived(String orderId, String message) {}

    private final Map<String, PlaceOrder> orders = new ConcurrentHashMap<>();

    @Route(method = HttpMethod.POST, path = "/order")
    HttpResponse placeOrder(PlaceOrder order) {
        String orderId = "ord_" + System.currentTimeMillis() + "_"
                + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36);
        orders.put(orderId, order);
        return HttpResponse.status(201)
                .header("Location", "/orders/" + orderId)
                .json(new OrderReceived(orderId, "Order received"))
                .build();
    }

    @Route(method = HttpMethod.GET, path = "/orders/{orderId}")
    PlaceOrder order(@PathParam("orderId") String orderId) {
        PlaceOrder order = orders.get(orderId);
        if (order == null) {
            throw new ProblemException(Problem.of(404, "Order not found", "no order " + orderId));
        }
        return order;
    }
}
