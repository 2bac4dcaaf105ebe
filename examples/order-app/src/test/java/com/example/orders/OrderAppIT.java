package com.example.orders;

import static dev.bricks.test.BricksAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.PlaceOrderFunction.Item;
import com.example.orders.PlaceOrderFunction.PlaceOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.core.http.ProblemType;
import dev.bricks.core.json.Json;
import dev.bricks.local.functions.InvokeOutcome;
import dev.bricks.test.EventBridgeEvents;
import dev.bricks.test.HttpEventBuilder;
import dev.bricks.test.HttpEvents;
import dev.bricks.test.HttpResult;
import dev.bricks.test.ProblemAssert;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end on bricks-local: {@code template.yaml} unchanged, the packaged {@code target/order-app.zip} in function
 * JVMs on Lambda's runtime client, tokens from a {@link LocalIssuer} whose JWKS is served on loopback, real HTTP and
 * a real DynamoDB SDK client on the local table, mails read back from bricks-local's SES. Requests and events are
 * built with bricks-test ({@link HttpEvents}, {@link EventBridgeEvents}) and answers checked with its problem+json
 * assertions.
 */
class OrderAppIT {

    private static LocalOrderApp shop;

    @BeforeAll
    static void start() {
        shop = LocalOrderApp.start(Path.of("template.yaml"), 0, System.out);
        shop.seed();
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    private static String token(String user) {
        return shop.issuer().token(user, user + "@example.com", OrdersAuthorizer.READ, OrdersAuthorizer.WRITE);
    }

    /** An order of one line, without {@code userId} (the caller's own is taken). */
    private static PlaceOrder order(String sku, int quantity) {
        return new PlaceOrder(null, List.of(new Item(sku, quantity)));
    }

    /** {@code POST /order} with the caller's token, when there is one. */
    private static HttpEventBuilder post(String token) {
        HttpEventBuilder request = HttpEvents.v2().post("/order");
        return token == null ? request : request.bearer(token);
    }

    /** {@code GET path} with the caller's token, when there is one. */
    private static HttpEventBuilder get(String path, String token) {
        HttpEventBuilder request = HttpEvents.v2().get(path);
        return token == null ? request : request.bearer(token);
    }

    private static HttpResult send(HttpEventBuilder request) {
        return shop.api().send(request);
    }

    private static String orderIdOf(HttpResult response) {
        assertThat(response).hasStatus(201);
        return response.body(PlaceOrderFunction.Placed.class).orderId();
    }

    @Test
    void placeOrder_valid_storesOrderCountsItMailsOnceAndTakesStock() throws Exception {
        long blue = shop.stock("BRICK-BLUE-2X2"); // no other test of this class leaves it changing
        long plate = shop.stock("PLATE-GREEN-8X8");
        HttpResult r = send(post(token("carol"))
                .json(new PlaceOrder("carol", List.of(new Item("BRICK-BLUE-2X2", 4), new Item("PLATE-GREEN-8X8", 2)))));

        String orderId = orderIdOf(r);
        assertThat(r).hasJsonBody(new PlaceOrderFunction.Placed(orderId, "Order received"));
        assertThat(r.header("Location")).contains("/orders/" + orderId);

        Order stored = shop.order("carol", orderId).orElseThrow();
        assertThat(stored.items())
                .usingElementComparator(Comparator.comparing(OrderLine::sku)
                        .thenComparing(OrderLine::quantity)
                        .thenComparing(OrderLine::unitPrice, BigDecimal::compareTo))
                .containsExactly(
                        new OrderLine("BRICK-BLUE-2X2", 4, new BigDecimal("0.15")),
                        new OrderLine("PLATE-GREEN-8X8", 2, new BigDecimal("2.50")));
        assertThat(stored.total()).isEqualByComparingTo("5.60");
        Profile profile = shop.profile("carol").orElseThrow();
        assertThat(profile.orderCount()).isEqualTo(1L);
        assertThat(profile.email()).isEqualTo("carol@example.com");
        assertThat(profile.lastOrderDate()).isEqualTo(stored.createdAt());

        JsonNode mail = LocalOrderApp.await("carol's mail", () -> mailFor(orderId));
        assertThat(mail.get("to").get(0).asText()).isEqualTo("carol@example.com");
        assertThat(mail.get("from").asText()).isEqualTo(LocalOrderApp.MAIL_FROM);
        assertThat(shop.mailText(mail.get("messageId").asText()))
                .contains("4 x BRICK-BLUE-2X2 at 0.15", "2 x PLATE-GREEN-8X8 at 2.50", "Total: 5.60");

        LocalOrderApp.await(
                "carol's order confirmed",
                () -> shop.order("carol", orderId).filter(o -> o.status() == OrderStatus.CONFIRMED));
        assertThat(shop.stock("BRICK-BLUE-2X2")).isEqualTo(blue - 4);
        assertThat(shop.stock("PLATE-GREEN-8X8")).isEqualTo(plate - 2);
        assertThat(shop.mails().stream().filter(m -> m.get("subject").asText().contains(orderId)))
                .hasSize(1);
    }

    @Test
    void placeOrder_notEnoughStock_orderBackorderedAndNoStockTaken() {
        long astronauts = shop.stock("MINIFIG-ASTRONAUT");
        HttpResult r = send(post(token("dave")).json(order("MINIFIG-ASTRONAUT", 3)));

        String orderId = orderIdOf(r);
        LocalOrderApp.await(
                "dave's order backordered",
                () -> shop.order("dave", orderId).filter(o -> o.status() == OrderStatus.BACKORDERED));
        assertThat(shop.stock("MINIFIG-ASTRONAUT")).isEqualTo(astronauts);
    }

    @Test
    void updateInventory_sameEventThreeTimes_stockTakenOnce() throws Exception {
        String orderId = orderIdOf(send(post(token("erin")).json(order("BRICK-BLUE-2X2", 5))));
        Order placed = LocalOrderApp.await(
                "erin's order confirmed",
                () -> shop.order("erin", orderId).filter(o -> o.status() == OrderStatus.CONFIRMED));
        long blue = shop.stock("BRICK-BLUE-2X2");
        String event = EventBridgeEvents.of(new OrderPlaced(
                        orderId, "erin", List.of(new OrderPlaced.Line("BRICK-BLUE-2X2", 5)), placed.total()))
                .build();

        for (int i = 0; i < 3; i++) {
            InvokeOutcome again =
                    shop.app().functions().invoke("UpdateInventoryFunction", event.getBytes(StandardCharsets.UTF_8));
            assertThat(again.succeeded()).as(again.payloadAsString()).isTrue();
        }

        assertThat(shop.stock("BRICK-BLUE-2X2")).isEqualTo(blue);
        assertThat(shop.order("erin", orderId).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void placeOrder_sameIdempotencyKey_firstResponseOnceAndAnotherBody422() throws Exception {
        String key = UUID.randomUUID().toString();
        String token = token("frank");
        HttpResult first = send(post(token).header("Idempotency-Key", key).json(order("BRICK-RED-2X4", 1)));
        HttpResult again = send(post(token).header("Idempotency-Key", key).json(order("BRICK-RED-2X4", 1)));
        HttpResult other = send(post(token).header("Idempotency-Key", key).json(order("BRICK-RED-2X4", 2)));

        assertThat(first).hasStatus(201);
        assertThat(again).hasStatus(201).hasHeader("Idempotency-Replayed", "true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other).isProblem(ProblemType.IDEMPOTENCY_KEY_REUSED);
        assertThat(shop.orders("frank")).hasSize(1);
        assertThat(shop.profile("frank").orElseThrow().orderCount()).isEqualTo(1L);
    }

    @Test
    void getOrders_pages_newestFirstWithSignedCursor() throws Exception {
        String token = token("gina");
        List<String> placed = IntStream.range(0, 3)
                .mapToObj(i -> orderIdOf(send(post(token).json(order("BRICK-RED-2X4", 1)))))
                .toList();

        HttpResult page1 = send(get("/orders?limit=2", token));
        assertThat(page1).hasStatus(200);
        JsonNode first = page1.body(JsonNode.class);
        assertThat(first.get("orders").findValuesAsText("orderId")).containsExactly(placed.get(2), placed.get(1));
        String cursor = first.get("cursor").asText();

        JsonNode second =
                send(get("/orders?limit=2", token).query("cursor", cursor)).body(JsonNode.class);
        assertThat(second.get("orders").findValuesAsText("orderId")).containsExactly(placed.get(0));
        assertThat(second.path("cursor").isMissingNode() || second.get("cursor").isNull())
                .isTrue();

        String forged = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");
        assertThat(send(get("/orders?limit=2", token).query("cursor", forged)))
                .isProblem(ProblemType.INVALID_PARAMETER)
                .hasDetailContaining("Cursor rejected");
        assertThat(send(get("/orders?limit=2", token("hank")).query("cursor", cursor)))
                .isProblem(ProblemType.INVALID_PARAMETER);
        assertThat(send(get("/orders?limit=0", token))).isProblem(ProblemType.INVALID_PARAMETER);
    }

    @Test
    void getOrder_ownOtherUsersAndUnknown_200Then404Then404() throws Exception {
        String orderId = orderIdOf(send(post(token("ivan")).json(order("BRICK-RED-2X4", 1))));

        HttpResult own = send(get("/orders/" + orderId, token("ivan")));
        assertThat(own).hasStatus(200);
        assertThat(own.jsonBody()).containsEntry("orderId", orderId);
        assertThat(send(get("/orders/" + orderId, token("judy")))).isProblem(ProblemType.NOT_FOUND);
        assertThat(send(get("/orders/not-an-order-id", token("ivan")))).isProblem(ProblemType.NOT_FOUND);
    }

    @Test
    void authorizer_missingBadOrUnderScopedToken_401Or403AndNothingStored() {
        String readOnly = shop.issuer().token("kate", "kate@example.com", OrdersAuthorizer.READ);
        String foreignIssuer;
        try (LocalIssuer other = LocalIssuer.start()) {
            foreignIssuer = other.token("kate", "kate@example.com", OrdersAuthorizer.READ, OrdersAuthorizer.WRITE);
        }

        assertThat(send(post(null).json(order("BRICK-RED-2X4", 1)))).hasStatus(401);
        assertThat(send(get("/orders", null))).hasStatus(401);
        assertThat(send(post(readOnly).json(order("BRICK-RED-2X4", 1)))).hasStatus(403);
        assertThat(send(get("/orders", readOnly))).hasStatus(200);
        assertThat(send(post(foreignIssuer).json(order("BRICK-RED-2X4", 1)))).hasStatus(403);
        assertThat(send(post("not.a.jwt").json(order("BRICK-RED-2X4", 1)))).hasStatus(403);
        assertThat(shop.orders("kate")).isEmpty();
    }

    static List<Arguments> badBodies() {
        String twoHundredItems = IntStream.range(0, 200)
                .mapToObj(i -> "{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1}")
                .collect(Collectors.joining(",", "{\"items\":[", "]}"));
        return List.of(
                Arguments.of(
                        "every field type wrong",
                        "{\"userId\":7,\"items\":[{\"sku\":5,\"quantity\":\"x\"}]}",
                        ProblemType.INVALID_FIELDS,
                        List.of("userId", "items[0].sku", "items[0].quantity")),
                Arguments.of(
                        "items not a list",
                        "{\"items\":{\"sku\":\"BRICK-RED-2X4\"}}",
                        ProblemType.INVALID_FIELDS,
                        List.of("items")),
                Arguments.of("no items", "{\"items\":[]}", ProblemType.INVALID_FIELDS, List.of("items")),
                Arguments.of("null item", "{\"items\":[null]}", ProblemType.INVALID_FIELDS, List.of("items[0]")),
                Arguments.of(
                        "userId with #",
                        "{\"userId\":\"lena#x\",\"items\":[{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1}]}",
                        ProblemType.INVALID_FIELDS,
                        List.of("userId")),
                Arguments.of(
                        "sku with #",
                        "{\"items\":[{\"sku\":\"BRICK#RED\",\"quantity\":1}]}",
                        ProblemType.INVALID_FIELDS,
                        List.of("items[0].sku")),
                Arguments.of(
                        "unknown sku",
                        "{\"items\":[{\"sku\":\"NO-SUCH-SKU\",\"quantity\":1}]}",
                        ProblemType.INVALID_FIELDS,
                        List.of("items[0].sku")),
                Arguments.of(
                        "the same sku twice",
                        "{\"items\":[{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1},"
                                + "{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1}]}",
                        ProblemType.INVALID_FIELDS,
                        List.of("items[1].sku")),
                Arguments.of(
                        "quantity 0",
                        Json.writeString(order("BRICK-RED-2X4", 0)),
                        ProblemType.INVALID_FIELDS,
                        List.of("items[0].quantity")),
                Arguments.of(
                        "quantity negative",
                        Json.writeString(order("BRICK-RED-2X4", -3)),
                        ProblemType.INVALID_FIELDS,
                        List.of("items[0].quantity")),
                Arguments.of(
                        "quantity 2.5",
                        "{\"items\":[{\"sku\":\"BRICK-RED-2X4\",\"quantity\":2.5}]}",
                        ProblemType.INVALID_FIELDS,
                        List.of("items[0].quantity")),
                Arguments.of(
                        "quantity 10^30",
                        "{\"items\":[{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1e30}]}",
                        ProblemType.INVALID_FIELDS,
                        List.of("items[0].quantity")),
                Arguments.of(
                        "quantity 10^30 as digits",
                        "{\"items\":[{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1000000000000000000000000000000}]}",
                        ProblemType.INVALID_FIELDS,
                        List.of("items[0].quantity")),
                Arguments.of("200 items", twoHundredItems, ProblemType.INVALID_FIELDS, List.of("items")),
                Arguments.of("not JSON", "items=BRICK-RED-2X4", ProblemType.MALFORMED_JSON, List.of()),
                Arguments.of("truncated JSON", "{\"items\":[{\"sku\":", ProblemType.MALFORMED_JSON, List.of()),
                Arguments.of(
                        "2 MB body",
                        "{\"items\":[],\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}",
                        ProblemType.PAYLOAD_TOO_LARGE,
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void placeOrder_badBody_problemNamingEveryFieldAndNothingStored(
            String what, String body, ProblemType type, List<String> fields) {
        String user = "bad-" + Math.abs(what.hashCode());
        HttpResult r = send(post(token(user)).header("Idempotency-Key", what).json(body));

        ProblemAssert problem = assertThat(r).isProblem(type);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
        if (!fields.isEmpty()) {
            problem.hasErrorFieldsIncluding(fields.toArray(String[]::new));
        }
        assertThat(shop.orders(user)).isEmpty();
        assertThat(shop.profile(user)).isEmpty();
    }

    @Test
    void placeOrder_bodyUserIdOfAnotherUser_403AndNothingStored() {
        HttpResult r = send(post(token("mia")).json(new PlaceOrder("ada", List.of(new Item("BRICK-RED-2X4", 1)))));

        assertThat(r).isProblem("about:blank", 403).hasDetailContaining("userId");
        assertThat(shop.orders("mia")).isEmpty();
        assertThat(shop.orders("ada").stream().filter(o -> o.items().size() == 1))
                .isEmpty();
    }

    private static Optional<JsonNode> mailFor(String orderId) {
        return shop.mails().stream()
                .filter(m -> m.get("subject").asText().contains(orderId))
                .findFirst();
    }
}
