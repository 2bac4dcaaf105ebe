package com.example.orders;

import static dev.bricks.test.BricksAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.PlaceOrderFunction.Item;
import com.example.orders.PlaceOrderFunction.PlaceOrder;
import dev.bricks.local.app.KilledEnvironments;
import dev.bricks.test.HttpEventBuilder;
import dev.bricks.test.HttpEvents;
import dev.bricks.test.HttpResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many orders at once on bricks-local: every order stored once, every profile counter exact, every mail sent once,
 * every stock change applied once. {@link #ORDERS} orders from {@link #CLIENTS} concurrent clients, each with an
 * {@code Idempotency-Key} and retried with it on 409 / 5xx (the 10 000-order variant is
 * {@code benchmarks/order-app/reliability.sh}), under {@link Faults}; and a {@code placeOrder} JVM killed right after
 * its transaction committed.
 */
class ReliabilityIT {

    static final int ORDERS = Integer.getInteger("orders", 500);
    static final int CLIENTS = Integer.getInteger("clients", 8);
    static final int USERS = 25;
    static final List<String> SKUS = List.of("BRICK-RED-2X4", "BRICK-BLUE-2X2", "PLATE-GREEN-8X8");

    private static LocalOrderApp shop;

    @BeforeAll
    static void start() {
        shop = LocalOrderApp.start(
                Path.of("template.yaml"), 0, new PrintStream(PrintStream.nullOutputStream()), Faults::configure);
        shop.seed();
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    record Placed(String userId, String orderId, Map<String, Integer> lines) {}

    @Test
    void placeOrder_concurrentClients_everyOrderMailAndStockChangeExactlyOnce() throws Exception {
        Map<String, Long> stockBefore = SKUS.stream().collect(Collectors.toMap(s -> s, shop::stock));
        List<String> tokens = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            tokens.add(shop.issuer()
                    .token("load-" + u, "load-" + u + "@example.com", OrdersAuthorizer.READ, OrdersAuthorizer.WRITE));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong retries = new AtomicLong();
        List<Placed> placed = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<List<Placed>>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                long seed = c;
                work.add(clients.submit(() -> {
                    Random random = new Random(seed);
                    List<Placed> mine = new ArrayList<>();
                    for (int n = next.getAndIncrement(); n < ORDERS; n = next.getAndIncrement()) {
                        int user = n % USERS;
                        Map<String, Integer> lines = new ConcurrentHashMap<>();
                        for (String sku : SKUS) {
                            if (lines.isEmpty() || random.nextBoolean()) {
                                lines.put(sku, 1 + random.nextInt(5));
                            }
                        }
                        PlaceOrder body = new PlaceOrder(
                                null,
                                lines.entrySet().stream()
                                        .map(e -> new Item(e.getKey(), e.getValue()))
                                        .toList());
                        String orderId =
                                place(tokens.get(user), body, UUID.randomUUID().toString(), retries);
                        mine.add(new Placed("load-" + user, orderId, lines));
                    }
                    return mine;
                }));
            }
            for (Future<List<Placed>> f : work) {
                placed.addAll(f.get());
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(placed).hasSize(ORDERS);
        assertThat(placed.stream().map(Placed::orderId).distinct()).hasSize(ORDERS);
        Map<String, Long> perUser =
                placed.stream().collect(Collectors.groupingBy(Placed::userId, Collectors.counting()));
        for (Map.Entry<String, Long> e : perUser.entrySet()) {
            List<Order> stored = LocalOrderApp.await(
                    "every order of " + e.getKey() + " confirmed",
                    () -> Optional.of(shop.orders(e.getKey()))
                            .filter(os -> os.size() >= e.getValue()
                                    && os.stream().allMatch(o -> o.status() == OrderStatus.CONFIRMED)));
            assertThat(stored).as(e.getKey()).hasSize(e.getValue().intValue());
            assertThat(shop.profile(e.getKey()).orElseThrow().orderCount())
                    .as(e.getKey() + "'s counter")
                    .isEqualTo(e.getValue());
        }
        for (String sku : SKUS) {
            long taken = placed.stream()
                    .mapToLong(p -> p.lines().getOrDefault(sku, 0))
                    .sum();
            assertThat(shop.stock(sku)).as(sku).isEqualTo(stockBefore.get(sku) - taken);
        }
        Map<String, Long> mailsPerOrder = LocalOrderApp.await(
                "a mail for every order",
                () -> Optional.of(mailsPerOrder())
                        .filter(m -> m.keySet()
                                .containsAll(
                                        placed.stream().map(Placed::orderId).toList())));
        assertThat(placed)
                .allSatisfy(p -> assertThat(mailsPerOrder.get(p.orderId()))
                        .as("mails of " + p.orderId())
                        .isEqualTo(1L));
        System.out.printf(
                "ReliabilityIT: %d orders from %d clients, %d client retries, faults: %s%n",
                ORDERS, CLIENTS, retries.get(), Faults.describe(shop.app()));
    }

    @Test
    void placeOrder_jvmKilledAfterTheCommit_retryWithTheKeyGetsTheFirstOrderAndTheEventGoesOutOnce() throws Exception {
        String token = shop.issuer().token("crash", "crash@example.com", OrdersAuthorizer.READ, OrdersAuthorizer.WRITE);
        long astronauts = shop.stock("MINIFIG-ASTRONAUT"); // a SKU the concurrent test does not order
        PlaceOrder body = new PlaceOrder(null, List.of(new Item("MINIFIG-ASTRONAUT", 1)));
        String key = UUID.randomUUID().toString();
        CompletableFuture<KilledEnvironments> kill =
                shop.app().faults().killAfterNextTransactWrite("PlaceOrderFunction");

        HttpResult lost = shop.api().send(placeOrder(token, body, key));
        kill.get(60, TimeUnit.SECONDS);
        assertThat(lost).hasStatus(500);
        assertThat(shop.orders("crash")).hasSize(1); // the transaction committed before the JVM died
        String stored = shop.orders("crash").get(0).orderId();

        // the idempotency record completed in the order's own transaction: the retry is replayed at once
        HttpResult retry = shop.api().send(placeOrder(token, body, key));

        assertThat(retry).hasStatus(201);
        assertThat(retry.header("Idempotency-Replayed")).contains("true");
        assertThat(retry.body(PlaceOrderFunction.Placed.class).orderId()).isEqualTo(stored);
        LocalOrderApp.await(
                "the crashed order confirmed",
                () -> shop.order("crash", stored).filter(o -> o.status() == OrderStatus.CONFIRMED));
        assertThat(shop.orders("crash")).hasSize(1);
        assertThat(shop.profile("crash").orElseThrow().orderCount()).isEqualTo(1L);
        assertThat(shop.stock("MINIFIG-ASTRONAUT")).isEqualTo(astronauts - 1);
        LocalOrderApp.await(
                "its mail", () -> Optional.ofNullable(mailsPerOrder().get(stored)));
        assertThat(mailsPerOrder().get(stored)).isEqualTo(1L);
    }

    private static Map<String, Long> mailsPerOrder() {
        return shop.mails().stream()
                .map(m -> m.get("subject").asText().replace("Your order ", ""))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** {@code POST /order} as the token's user with an {@code Idempotency-Key}. */
    private static HttpEventBuilder placeOrder(String token, PlaceOrder body, String key) {
        return HttpEvents.v2()
                .post("/order")
                .bearer(token)
                .header("Idempotency-Key", key)
                .json(body);
    }

    /** POST /order with one Idempotency-Key, retried with the same key on 409 (in progress) and 5xx. */
    private static String place(String token, PlaceOrder body, String key, AtomicLong retries) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResult r = shop.api().send(placeOrder(token, body, key));
            if (r.statusCode() == 201) {
                return r.body(PlaceOrderFunction.Placed.class).orderId();
            }
            if ((r.statusCode() != 409 && r.statusCode() < 500) || attempt == 30) {
                throw new AssertionError("POST /order answered " + r.statusCode() + " " + r.body());
            }
            retries.incrementAndGet();
            Thread.sleep(Math.min(1000, 50L * attempt));
        }
    }
}
