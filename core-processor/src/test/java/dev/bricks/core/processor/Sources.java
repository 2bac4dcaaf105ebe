package dev.bricks.core.processor;

import java.util.Map;

/** The real sources the tests compile both ways: a handler, its records and a domain event. */
final class Sources {

    private Sources() {}

    static final String HANDLER = """
            package sample;

            import com.amazonaws.services.lambda.runtime.Context;
            import dev.bricks.core.http.HeaderParam;
            import dev.bricks.core.http.HttpHandler;
            import dev.bricks.core.http.HttpMethod;
            import dev.bricks.core.http.HttpRequest;
            import dev.bricks.core.http.HttpResponse;
            import dev.bricks.core.http.PathParam;
            import dev.bricks.core.http.QueryParam;
            import dev.bricks.core.http.Route;
            import dev.bricks.core.validation.Max;
            import dev.bricks.core.validation.Min;
            import dev.bricks.core.validation.NotBlank;
            import dev.bricks.core.validation.NotEmpty;
            import dev.bricks.core.validation.NotNull;
            import dev.bricks.core.validation.Nullable;
            import dev.bricks.core.validation.Pattern;
            import dev.bricks.core.validation.Size;
            import java.util.List;
            import java.util.UUID;

            public class OrdersHandler extends HttpHandler {

                public enum Status { OPEN, CLOSED }

                public record Item(@NotBlank String sku, @Min(1) @Max(99) int quantity) {}

                public record CreateOrder(
                        @NotBlank @Size(max = 12) String userId,
                        @NotEmpty @Size(max = 3) List<@NotBlank @Size(min = 2, message = "too short") String> tags,
                        @NotEmpty List<Item> items,
                        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                        List<@Nullable String> notes,
                        Item gift) {}

                public record Created(String orderId, int items, String tenant) {}

                @Route(method = HttpMethod.POST, path = "/orders")
                HttpResponse create(CreateOrder order, HttpRequest request) {
                    return HttpResponse.status(201)
                            .json(new Created("o-" + order.userId(), order.items().size(), request.method()))
                            .build();
                }

                @Route(method = HttpMethod.GET, path = "/orders/{orderId}")
                Created get(
                        @PathParam("orderId") String id,
                        @QueryParam("limit") int limit,
                        @HeaderParam("x-tenant") String tenant,
                        @QueryParam("status") Status status) {
                    return new Created(id + "/" + status, limit, tenant);
                }

                @Route(method = HttpMethod.DELETE, path = "/orders/{orderId}")
                void delete(@PathParam("orderId") UUID id) {}

                @Route(method = HttpMethod.GET, path = "/files/{path+}")
                private String file(@PathParam("path") String path, Context context) {
                    return path + " via " + context.getFunctionName();
                }

                @Route(method = HttpMethod.GET, path = "/orders/latest")
                String latest(@QueryParam("flag") Boolean flag, @QueryParam("count") Long count) {
                    return "latest " + flag + " " + count;
                }
            }
            """;

    static final String EVENT = """
            package sample;

            import dev.bricks.events.DomainEvent;

            @DomainEvent(source = "orders.app", detailType = "Order \\"Placed\\"")
            public record OrderPlaced(String orderId) {}
            """;

    static Map<String, String> all() {
        return Map.of("sample/OrdersHandler.java", HANDLER, "sample/OrderPlaced.java", EVENT);
    }
}
