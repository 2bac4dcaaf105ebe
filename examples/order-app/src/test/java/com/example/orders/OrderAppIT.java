package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.local.functions.InvokeOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * a real DynamoDB SDK client on the local table, mails read back from bricks-local's SES.
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

    private static String body(String sku, int quantity) {
        return "{\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
    }

    private static String orderIdOf(HttpResponse<String> response) {
        try {
            return LocalOrderApp.JSON.readTree(response.body()).get("orderId").asText();
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return LocalOrderApp.JSON.readTree(response.body());
    }

    @Test
    void placeOrder_valid_storesOrderCountsItMailsOnceAndTakesStock() throws Exception {
        long blue = shop.stock("BRICK-BLUE-2X2"); // no other test of this class leaves it changing
        long plate = shop.stock("PLATE-GREEN-8X8");
        HttpResponse<String> r = shop.post(
                "/order",
                token("carol"),
                "{\"userId\":\"carol\",\"items\":[{\"sku\":\"BRICK-BLUE-2X2\",\"quantity\":4},"
                        + "{\"sku\":\"PLATE-GREEN-8X8\",\"quantity\":2}]}",
                Map.of());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String orderId = orderIdOf(r);
        assertThat(json(r).get("message").asText()).isEqualTo("Order received");
        assertThat(r.headers().firstValue("Location")).contains("/orders/" + orderId);

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
        HttpResponse<String> r = shop.post("/order", token("dave"), body("MINIFIG-ASTRONAUT", 3), Map.of());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String orderId = orderIdOf(r);
        LocalOrderApp.await(
                "dave's order backordered",
                () -> shop.order("dave", orderId).filter(o -> o.status() == OrderStatus.BACKORDERED));
        assertThat(shop.stock("MINIFIG-ASTRONAUT")).isEqualTo(astronauts);
    }

    @Test
    void updateInventory_sameEventThreeTimes_stockTakenOnce() throws Exception {
        String orderId = orderIdOf(shop.post("/order", token("erin"), body("BRICK-BLUE-2X2", 5), Map.of()));
        LocalOrderApp.await(
                "erin's order confirmed",
                () -> shop.order("erin", orderId).filter(o -> o.status() == OrderStatus.CONFIRMED));
        long blue = shop.stock("BRICK-BLUE-2X2");
        String event = Files.readString(Path.of("events/order-placed.json"))
                .replace("019a8f3c2b1e4f2a9c3d7e6f5a4b", orderId)
                .replace("\"ada\"", "\"erin\"");

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
        HttpResponse<String> first =
                shop.post("/order", token, body("BRICK-RED-2X4", 1), Map.of("Idempotency-Key", key));
        HttpResponse<String> again =
                shop.post("/order", token, body("BRICK-RED-2X4", 1), Map.of("Idempotency-Key", key));
        HttpResponse<String> other =
                shop.post("/order", token, body("BRICK-RED-2X4", 2), Map.of("Idempotency-Key", key));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotency-Replayed")).contains("true");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(json(other).get("type").asText()).endsWith("#idempotency-key-reused");
        assertThat(shop.orders("frank")).hasSize(1);
        assertThat(shop.profile("frank").orElseThrow().orderCount()).isEqualTo(1L);
    }

    @Test
    void getOrders_pages_newestFirstWithSignedCursor() throws Exception {
        String token = token("gina");
        List<String> placed = IntStream.range(0, 3)
                .mapToObj(i -> orderIdOf(shop.post("/order", token, body("BRICK-RED-2X4", 1), Map.of())))
                .toList();

        HttpResponse<String> page1 = shop.get("/orders?limit=2", token);
        assertThat(page1.statusCode()).as(page1.body()).isEqualTo(200);
        JsonNode first = json(page1);
        assertThat(first.get("orders").findValuesAsText("orderId")).containsExactly(placed.get(2), placed.get(1));
        String cursor = first.get("cursor").asText();

        JsonNode second = json(shop.get("/orders?limit=2&cursor=" + cursor, token));
        assertThat(second.get("orders").findValuesAsText("orderId")).containsExactly(placed.get(0));
        assertThat(second.path("cursor").isMissingNode() || second.get("cursor").isNull())
                .isTrue();

        String forged = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");
        HttpResponse<String> tampered = shop.get("/orders?limit=2&cursor=" + forged, token);
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("Cursor rejected");
        HttpResponse<String> foreign = shop.get("/orders?limit=2&cursor=" + cursor, token("hank"));
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(shop.get("/orders?limit=0", token).statusCode()).isEqualTo(400);
    }

    @Test
    void getOrder_ownOtherUsersAndUnknown_200Then404Then404() throws Exception {
        String orderId = orderIdOf(shop.post("/order", token("ivan"), body("BRICK-RED-2X4", 1), Map.of()));

        HttpResponse<String> own = shop.get("/orders/" + orderId, token("ivan"));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).get("orderId").asText()).isEqualTo(orderId);
        assertThat(shop.get("/orders/" + orderId, token("judy")).statusCode()).isEqualTo(404);
        assertThat(shop.get("/orders/not-an-order-id", token("ivan")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void authorizer_missingBadOrUnderScopedToken_401Or403AndNothingStored() {
        String readOnly = shop.issuer().token("kate", "kate@example.com", OrdersAuthorizer.READ);
        String foreignIssuer;
        try (LocalIssuer other = LocalIssuer.start()) {
            foreignIssuer = other.token("kate", "kate@example.com", OrdersAuthorizer.READ, OrdersAuthorizer.WRITE);
        }

        assertThat(shop.post("/order", null, body("BRICK-RED-2X4", 1), Map.of()).statusCode())
                .isEqualTo(401);
        assertThat(shop.get("/orders", null).statusCode()).isEqualTo(401);
        assertThat(shop.post("/order", readOnly, body("BRICK-RED-2X4", 1), Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(shop.get("/orders", readOnly).statusCode()).isEqualTo(200);
        assertThat(shop.post("/order", foreignIssuer, body("BRICK-RED-2X4", 1), Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(shop.post("/order", "not.a.jwt", body("BRICK-RED-2X4", 1), Map.of())
                        .statusCode())
                .isEqualTo(403);
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
                        422,
                        List.of("userId", "items[0].sku", "items[0].quantity")),
                Arguments.of("items not a list", "{\"items\":{\"sku\":\"BRICK-RED-2X4\"}}", 422, List.of("items")),
                Arguments.of("no items", "{\"items\":[]}", 422, List.of("items")),
                Arguments.of("null item", "{\"items\":[null]}", 422, List.of("items[0]")),
                Arguments.of(
                        "userId with #",
                        "{\"userId\":\"lena#x\",\"items\":[{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1}]}",
                        422,
                        List.of("userId")),
                Arguments.of(
                        "sku with #",
                        "{\"items\":[{\"sku\":\"BRICK#RED\",\"quantity\":1}]}",
                        422,
                        List.of("items[0].sku")),
                Arguments.of(
                        "unknown sku",
                        "{\"items\":[{\"sku\":\"NO-SUCH-SKU\",\"quantity\":1}]}",
                        422,
                        List.of("items[0].sku")),
                Arguments.of(
                        "the same sku twice",
                        "{\"items\":[{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1},"
                                + "{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1}]}",
                        422,
                        List.of("items[1].sku")),
                Arguments.of("quantity 0", body("BRICK-RED-2X4", 0), 422, List.of("items[0].quantity")),
                Arguments.of("quantity negative", body("BRICK-RED-2X4", -3), 422, List.of("items[0].quantity")),
                Arguments.of(
                        "quantity 2.5",
                        "{\"items\":[{\"sku\":\"BRICK-RED-2X4\",\"quantity\":2.5}]}",
                        422,
                        List.of("items[0].quantity")),
                Arguments.of(
                        "quantity 10^30",
                        "{\"items\":[{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1e30}]}",
                        422,
                        List.of("items[0].quantity")),
                Arguments.of(
                        "quantity 10^30 as digits",
                        "{\"items\":[{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1000000000000000000000000000000}]}",
                        422,
                        List.of("items[0].quantity")),
                Arguments.of("200 items", twoHundredItems, 422, List.of("items")),
                Arguments.of("not JSON", "items=BRICK-RED-2X4", 400, List.of()),
                Arguments.of("truncated JSON", "{\"items\":[{\"sku\":", 400, List.of()),
                Arguments.of(
                        "2 MB body", "{\"items\":[],\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}", 413, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void placeOrder_badBody_problemNamingEveryFieldAndNothingStored(
            String what, String body, int status, List<String> fields) throws Exception {
        String user = "bad-" + Math.abs(what.hashCode());
        HttpResponse<String> r = shop.post("/order", token(user), body, Map.of("Idempotency-Key", what));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = json(r);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
        if (!fields.isEmpty()) {
            assertThat(problem.get("errors").findValuesAsText("field")).containsAll(fields);
        }
        assertThat(shop.orders(user)).isEmpty();
        assertThat(shop.profile(user)).isEmpty();
    }

    @Test
    void placeOrder_bodyUserIdOfAnotherUser_403AndNothingStored() throws Exception {
        HttpResponse<String> r = shop.post(
                "/order",
                token("mia"),
                "{\"userId\":\"ada\",\"items\":[{\"sku\":\"BRICK-RED-2X4\",\"quantity\":1}]}",
                Map.of());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("detail").asText()).contains("userId");
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
