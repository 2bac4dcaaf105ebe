package com.example.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.test.HttpEvents;
import dev.bricks.test.HttpResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The root README's main command: runs {@code template.yaml} on bricks-local and walks the seed's flow, printing
 * each step; exits 0 when every step answered as expected, 1 otherwise. {@code --serve} then keeps the app running
 * on port 3000 and prints {@code curl} lines with fresh tokens of the local issuer (local only).
 */
public final class OrderDemo {

    private static final String ADA = "ada";
    private static final String BOB = "bob";
    private static final String SKU = "BRICK-RED-2X4";

    private final LocalOrderApp shop;
    private final PrintStream out;
    private int step;

    private OrderDemo(LocalOrderApp shop, PrintStream out) {
        this.shop = shop;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        boolean serve = args.length > 0 && args[0].equals("--serve");
        if (args.length > 1 || (args.length == 1 && !serve)) {
            System.err.println("usage: OrderDemo [--serve]");
            System.exit(2);
        }
        PrintStream out = System.out;
        ByteArrayOutputStream appLogs = new ByteArrayOutputStream();
        PrintStream logs = serve ? out : new PrintStream(appLogs, true, StandardCharsets.UTF_8);
        out.println("Starting the order app (examples/order-app/template.yaml) on bricks-local ...");
        int status;
        try (LocalOrderApp shop = LocalOrderApp.start(Path.of("template.yaml"), serve ? 3000 : 0, logs)) {
            OrderDemo demo = new OrderDemo(shop, out);
            try {
                demo.run();
                out.println();
                out.println("All steps passed.");
                status = 0;
            } catch (StepFailed | AssertionError e) {
                out.println("FAILED: " + e.getMessage());
                if (!serve) {
                    out.println("--- bricks-local output ---");
                    out.print(appLogs.toString(StandardCharsets.UTF_8));
                }
                status = 1;
            }
            if (serve && status == 0) {
                demo.printCurlLines();
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
        }
        System.exit(status);
    }

    private void run() throws IOException {
        print("bricks-local is up: API " + shop.app().endpoints().api() + ", local issuer "
                + shop.issuer().issuer() + " (a test issuer: its JWKS is served on loopback, for local runs only)");

        shop.seed();
        long stockBefore = shop.stock(SKU);
        print("Seeded the catalogue: " + SKU + " has " + stockBefore + " in stock");

        String ada = shop.issuer().token(ADA, "ada@example.com", OrdersAuthorizer.READ, OrdersAuthorizer.WRITE);
        String bob = shop.issuer().token(BOB, "bob@example.com", OrdersAuthorizer.READ, OrdersAuthorizer.WRITE);
        print("Got tokens for " + ADA + " and " + BOB + " from the local issuer (scopes orders/read orders/write)");

        HttpResult placed = shop.api()
                .send(HttpEvents.v2()
                        .post("/order")
                        .bearer(ada)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .json(new PlaceOrderFunction.PlaceOrder(
                                null,
                                List.of(
                                        new PlaceOrderFunction.Item(SKU, 3),
                                        new PlaceOrderFunction.Item("PLATE-GREEN-8X8", 1)))));
        expect(placed, 201, "POST /order as ada");
        String orderId = placed.body(PlaceOrderFunction.Placed.class).orderId();
        print("POST /order → 201 " + placed.body() + "  Location: "
                + placed.header("Location").orElse("-"));

        JsonNode mail = LocalOrderApp.await(
                "the confirmation mail of " + orderId,
                () -> shop.mails().stream()
                        .filter(m -> m.get("subject").asText().contains(orderId))
                        .findFirst());
        print("sendOrderEmail sent the confirmation (caught by bricks-local's SES): to " + mail.get("to")
                + ", subject \"" + mail.get("subject").asText() + "\"");

        Order confirmed = LocalOrderApp.await(
                "order " + orderId + " confirmed",
                () -> shop.order(ADA, orderId).filter(o -> o.status() == OrderStatus.CONFIRMED));
        long stockAfter = shop.stock(SKU);
        print("updateInventory took the stock (OrderPlaced through the outbox relay and EventBridge): " + SKU + " "
                + stockBefore + " → " + stockAfter + ", order " + confirmed.status());
        if (stockAfter != stockBefore - 3) {
            throw new StepFailed("stock of " + SKU + " is " + stockAfter + ", expected " + (stockBefore - 3));
        }

        HttpResult list = shop.api().send(HttpEvents.v2().get("/orders").bearer(ada));
        expect(list, 200, "GET /orders as ada");
        print("GET /orders as ada → 200, "
                + list.body(JsonNode.class).get("orders").size() + " order(s), newest first");

        HttpResult anonymous = shop.api().send(HttpEvents.v2().get("/orders/" + orderId));
        expect(anonymous, 401, "GET /orders/{id} without a token");
        print("GET /orders/" + orderId + " without a token → 401 " + anonymous.body());

        HttpResult other =
                shop.api().send(HttpEvents.v2().get("/orders/" + orderId).bearer(bob));
        expect(other, 404, "GET ada's order as bob");
        print("GET /orders/" + orderId + " as bob → 404 (another user's order does not exist for him)");
    }

    private void printCurlLines() {
        String api = shop.app().endpoints().api().toString().replaceAll("/$", "");
        String ada = shop.issuer().token(ADA, "ada@example.com", OrdersAuthorizer.READ, OrdersAuthorizer.WRITE);
        out.println();
        out.println("The app keeps running; try it by hand (tokens valid " + LocalIssuer.TOKEN_LIFETIME.toMinutes()
                + " min, local issuer only):");
        out.println("  TOKEN='" + ada + "'");
        out.println("  curl -i -X POST " + api + "/order -H \"Authorization: Bearer $TOKEN\""
                + " -H 'Content-Type: application/json' -H \"Idempotency-Key: $(uuidgen)\""
                + " -d '{\"items\":[{\"sku\":\"BRICK-BLUE-2X2\",\"quantity\":2}]}'");
        out.println("  curl -i " + api + "/orders -H \"Authorization: Bearer $TOKEN\"");
        out.println("  curl -i '" + api + "/orders?limit=1' -H \"Authorization: Bearer $TOKEN\"");
        out.println("  curl -i " + api + "/orders");
        out.println("  curl -s " + shop.app().endpoints().ses() + "/_bricks/ses/emails");
        out.println("Ctrl-C stops everything.");
    }

    private void expect(HttpResult response, int status, String what) {
        if (response.statusCode() != status) {
            throw new StepFailed(
                    what + " answered " + response.statusCode() + " " + response.body() + ", expected " + status);
        }
    }

    private void print(String line) {
        out.println(++step + ". " + line);
    }

    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }
}
