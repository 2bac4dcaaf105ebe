package com.example.orders;

import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpMethod;
import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.PathParam;
import dev.bricks.core.http.ProblemType;
import dev.bricks.core.http.QueryParam;
import dev.bricks.core.http.Route;
import dev.bricks.dynamo.EntityRepository;
import dev.bricks.dynamo.InvalidCursorException;
import dev.bricks.dynamo.Page;
import java.util.List;

/**
 * {@code GET /orders} (the caller's orders, newest first, {@code ?limit=&cursor=} with the table's signed cursors)
 * and {@code GET /orders/{orderId}}. Only the caller's partition is ever read, so another user's order is a 404 —
 * exactly like an order that does not exist.
 */
public final class GetOrdersFunction extends HttpHandler {

    /** Page size when {@code limit} is absent. */
    static final int DEFAULT_LIMIT = 20;
    /** The largest {@code limit} accepted. */
    static final int MAX_LIMIT = 100;

    /** One page of orders; {@code cursor} is null on the last page. */
    public record OrdersPage(List<Order> orders, String cursor) {}

    private final EntityRepository<Order> orders;

    public GetOrdersFunction() {
        orders = AppTable.pagedTable(AppTable.client()).repository(OrderSchema.SCHEMA);
    }

    @Route(method = HttpMethod.GET, path = "/orders")
    OrdersPage list(HttpRequest request, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        String userId = Caller.userId(request);
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemType.INVALID_PARAMETER.exception("limit must be between 1 and " + MAX_LIMIT);
        }
        try {
            Page<Order> page = orders.query(OrderSchema.partition(userId))
                    .descending()
                    .limit(size)
                    .after(cursor == null || cursor.isBlank() ? null : cursor)
                    .execute();
            return new OrdersPage(page.items(), page.cursor());
        } catch (InvalidCursorException e) {
            throw ProblemType.INVALID_PARAMETER.exception(e.getMessage());
        }
    }

    @Route(method = HttpMethod.GET, path = "/orders/{orderId}")
    Order get(HttpRequest request, @PathParam("orderId") String orderId) {
        String userId = Caller.userId(request);
        if (!orderId.matches("[0-9a-f]{28}")) { // not an id this app makes: no key is even rendered
            throw ProblemType.NOT_FOUND.exception("no order " + orderId);
        }
        return orders.get(OrderSchema.key(userId, orderId))
                .orElseThrow(() -> ProblemType.NOT_FOUND.exception("no order " + orderId));
    }
}
