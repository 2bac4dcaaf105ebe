package dev.bricks.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.core.Correlation;
import dev.bricks.dynamo.model.Doc;
import dev.bricks.dynamo.model.DocSchema;
import dev.bricks.dynamo.model.Event;
import dev.bricks.dynamo.model.EventSchema;
import dev.bricks.dynamo.model.Invoice;
import dev.bricks.dynamo.model.InvoiceSchema;
import dev.bricks.dynamo.model.Money;
import dev.bricks.dynamo.model.Order;
import dev.bricks.dynamo.model.OrderSchema;
import dev.bricks.dynamo.model.OrderStatus;
import dev.bricks.dynamo.model.Product;
import dev.bricks.dynamo.model.ProductSchema;
import dev.bricks.dynamo.model.Slot;
import dev.bricks.dynamo.model.SlotSchema;
import dev.bricks.dynamo.model.Ticket;
import dev.bricks.dynamo.model.TicketSchema;
import dev.bricks.dynamo.model.User;
import dev.bricks.dynamo.model.UserSchema;
import dev.bricks.local.dynamodb.Faults;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** The guarantees of issue 12, each against the local engine through the real SDK client. */
class HardeningEngineTest {
    @RegisterExtension
    static final TestTables engine = new TestTables();

    static final Instant T1 = Instant.parse("2026-04-01T08:00:00Z");
    final TestClock clock = new TestClock(T1);
    DynamoTable table;
    EntityRepository<Doc> docs;
    EntityRepository<Order> orders;
    EntityRepository<Slot> slots;

    @BeforeEach
    void newTable() {
        table = engine.newTable(b -> b.clock(clock));
        docs = table.repository(DocSchema.SCHEMA);
        orders = table.repository(OrderSchema.SCHEMA);
        slots = table.repository(SlotSchema.SCHEMA);
    }

    /** Creates slots given as (day, room) pairs in calendar c1, titled "day/room". */
    private void slots(String... dayRoomPairs) {
        for (int i = 0; i < dayRoomPairs.length; i += 2) {
            slots.create(
                    new Slot("c1", dayRoomPairs[i], dayRoomPairs[i + 1], dayRoomPairs[i] + "/" + dayRoomPairs[i + 1]));
        }
    }

    private static List<String> titles(QueryBuilder<Slot> query) {
        return query.stream().map(Slot::title).toList();
    }

    @AfterEach
    void clear() {
        engine.db.faults().clear();
        Correlation.clear();
    }

    private Map<String, AttributeValue> raw(EntityKey<?> key) {
        return engine.client
                .getItem(GetItemRequest.builder()
                        .tableName(table.name())
                        .key(key.key())
                        .consistentRead(true)
                        .build())
                .item();
    }

    private int itemCount() {
        return engine.client
                .scan(ScanRequest.builder().tableName(table.name()).build())
                .count();
    }

    // ------------------------------------------------------------------ 1. key-template injection

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      owner with delimiter | o#1 | u1  | d1  | DOC PK | ownerId | 1 | contains the delimiter '#'
      user with delimiter  | o1  | u#1 | d1  | DOC SK | userId  | 1 | contains the delimiter '#'
      doc with delimiter   | o1  | u1  | d#1 | DOC SK | docId   | 2 | contains the delimiter '#'
      owner empty          | ''  | u1  | d1  | DOC PK | ownerId | 1 | is empty
      user empty           | o1  | ''  | d1  | DOC SK | userId  | 1 | is empty
      doc empty            | o1  | u1  | ''  | DOC SK | docId   | 2 | is empty
      """)
    void create_badKeyValueInEveryPosition_isRefusedNamingEntityFieldAndPosition(
            String name,
            String owner,
            String user,
            String doc,
            String template,
            String component,
            int placeholder,
            String problem) {
        assertThatThrownBy(() -> docs.create(new Doc(owner, user, doc, "t")))
                .isInstanceOfSatisfying(InvalidKeyValueException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SingleTableException.Reason.KEY_VALUE_INVALID);
                    assertThat(e.owner()).isEqualTo(template);
                    assertThat(e.component()).isEqualTo(component);
                    assertThat(e.position()).isEqualTo(placeholder - 1);
                })
                .hasMessageContaining("of " + template)
                .hasMessageContaining("component '" + component + "' (placeholder " + placeholder + ") " + problem);
        assertThat(itemCount()).isZero();
    }

    @Test
    void create_collisionPair_secondIsRefusedAndFirstStaysAlone() {
        // (u1#DOC#x, y) and (u1, x#DOC#y) would both render USER#u1#DOC#x#DOC#y
        docs.create(new Doc("o1", "u1", "x", "plain"));
        assertThatThrownBy(() -> docs.create(new Doc("o1", "u1#DOC#x", "y", "a")))
                .isInstanceOf(InvalidKeyValueException.class);
        assertThatThrownBy(() -> docs.create(new Doc("o1", "u1", "x#DOC#y", "b")))
                .isInstanceOf(InvalidKeyValueException.class);
        assertThatThrownBy(() -> table.transact().create(new Doc("o1", "u1", "x#DOC#y", "b")))
                .isInstanceOf(InvalidKeyValueException.class);
        assertThat(itemCount()).isEqualTo(1);
    }

    @Test
    void query_prefixOfShorterValue_doesNotMatchLongerValue() {
        docs.create(new Doc("o1", "u1", "d1", "mine"));
        docs.create(new Doc("o1", "u1", "d2", "mine too"));
        docs.create(new Doc("o1", "u10", "d1", "someone else's"));
        assertThat(docs.query(DocSchema.partition("o1")).beginsWith(DocSchema.sk("u1")).stream()
                        .map(Doc::title)
                        .toList())
                .containsExactly("mine", "mine too");
        assertThat(DocSchema.sk("u1").value()).isEqualTo("USER#u1#DOC#");
    }

    @Test
    void query_badValueInPartitionOrSortKey_isRefused() {
        assertThatThrownBy(() -> DocSchema.partition("o#1")).isInstanceOf(InvalidKeyValueException.class);
        assertThatThrownBy(() -> DocSchema.sk("u#1")).isInstanceOf(InvalidKeyValueException.class);
        assertThatThrownBy(() -> DocSchema.sk("")).isInstanceOf(InvalidKeyValueException.class);
        assertThatThrownBy(() -> DocSchema.key("o1", "u1", "")).isInstanceOf(InvalidKeyValueException.class);
    }

    @Test
    void create_emptyOptionalComponentBetweenLiteralsAndAtTheEnd_isStoredAndReadBack() {
        slots("", "r1", "d1", "", "", "");
        assertThat(raw(SlotSchema.key("c1", "", "r1")).get("SK")).isEqualTo(AttributeValue.fromS("DAY##ROOM#r1"));
        assertThat(raw(SlotSchema.key("c1", "d1", "")).get("SK")).isEqualTo(AttributeValue.fromS("DAY#d1#ROOM#"));
        assertThat(slots.get(SlotSchema.key("c1", "", "")).orElseThrow()).isEqualTo(new Slot("c1", "", "", "/"));
        assertThat(slots.get(SlotSchema.key("c1", "d1", "")).orElseThrow().title())
                .isEqualTo("d1/");
        assertThat(itemCount()).isEqualTo(3);
    }

    @Test
    void create_optionalComponentWithDelimiterOrNull_isStillRefused() {
        assertThatThrownBy(() -> slots.create(new Slot("c1", "d#1", "r1", "t")))
                .isInstanceOf(InvalidKeyValueException.class)
                .hasMessageContaining("contains the delimiter '#'");
        assertThatThrownBy(() -> slots.create(new Slot("", "d1", "r1", "t")))
                .isInstanceOf(InvalidKeyValueException.class)
                .hasMessageContaining("component 'calendarId' (placeholder 1) is empty");
        assertThatThrownBy(() -> slots.create(new Slot("c1", null, "r1", "t")))
                .isInstanceOf(KeyTemplateMissingValueException.class);
        assertThat(itemCount()).isZero();
    }

    @Test
    void query_emptyOptionalComponent_prefixEndsAtLiteralAndWholeKeyNeedsEq() {
        slots("", "r1", "d1", "", "d1", "r1", "d10", "");
        assertThat(titles(slots.query(SlotSchema.partition("c1")).beginsWith(SlotSchema.sk(""))))
                .containsExactly("/r1");
        assertThat(titles(slots.query(SlotSchema.partition("c1")).beginsWith(SlotSchema.sk("d1"))))
                .containsExactly("d1/", "d1/r1");
        assertThat(titles(slots.query(SlotSchema.partition("c1")).eq(SlotSchema.sk("d1", ""))))
                .containsExactly("d1/");
        assertThatThrownBy(() -> slots.query(SlotSchema.partition("c1")).beginsWith(SlotSchema.sk("d1", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'DAY#d1#ROOM#' is a whole SLOT sort key ending with a component value")
                .hasMessageContaining("use eq(...)");
        assertThat(titles(slots.query(SlotSchema.gsi1("")))).containsExactlyInAnyOrder("d1/", "d10/");
    }

    @Test
    void query_wholeSortKeyEndingWithComponent_beginsWithIsRefusedSoO1NeverMatchesO10() {
        orders.create(Order.of("u1", "o1", OrderStatus.PAID, T1));
        orders.create(Order.of("u1", "o10", OrderStatus.PAID, T1));
        assertThatThrownBy(() -> orders.query(OrderSchema.partition("u1")).beginsWith(OrderSchema.sk("o1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use eq(...)");
        assertThat(orders.query(OrderSchema.partition("u1")).eq(OrderSchema.sk("o1")).stream()
                        .map(Order::orderId)
                        .toList())
                .containsExactly("o1");
    }

    // ------------------------------------------------------------------ 2. index keys of managed timestamps

    @Test
    void updatedAtInIndexKey_followsEveryWriteVerb() {
        EntityRepository<Ticket> tickets = table.repository(TicketSchema.SCHEMA);
        tickets.create(new Ticket("t1", "support", "help", null, null));
        assertThat(gsiKeyOf(TicketSchema.key("t1"))).isEqualTo(T1 + "#t1");
        clock.advance(Duration.ofMinutes(1));
        tickets.patch(TicketSchema.key("t1"))
                .expectVersion(1)
                .set(TicketSchema.SUBJECT, "urgent")
                .execute();
        assertThat(gsiKeyOf(TicketSchema.key("t1"))).isEqualTo(T1.plusSeconds(60) + "#t1");
        clock.advance(Duration.ofMinutes(1));
        tickets.update(TicketSchema.key("t1"))
                .versionCheck(VersionCheck.SKIP)
                .set(TicketSchema.SUBJECT, "calm")
                .execute();
        assertThat(gsiKeyOf(TicketSchema.key("t1"))).isEqualTo(T1.plusSeconds(120) + "#t1");
        clock.advance(Duration.ofMinutes(1));
        Ticket t = tickets.get(TicketSchema.key("t1"), ReadConsistency.STRONG).orElseThrow();
        tickets.put(t);
        assertThat(gsiKeyOf(TicketSchema.key("t1"))).isEqualTo(T1.plusSeconds(180) + "#t1");
        clock.advance(Duration.ofMinutes(1));
        table.transact()
                .update(tickets.patch(TicketSchema.key("t1")).expectVersion(4).set(TicketSchema.SUBJECT, "tx"))
                .execute();
        assertThat(gsiKeyOf(TicketSchema.key("t1"))).isEqualTo(T1.plusSeconds(240) + "#t1");
        assertThat(tickets.query(TicketSchema.gsi1("support"))
                        .eq(TicketSchema.gsi1Sk(T1.plusSeconds(240), "t1"))
                        .execute()
                        .items())
                .extracting(Ticket::subject)
                .containsExactly("tx");
    }

    @Test
    void createdAtInIndexKey_isWrittenWhenAnUpdateCreatesTheItem_andKeptAfterwards() {
        EntityRepository<Event> events = table.repository(EventSchema.SCHEMA);
        events.update(EventSchema.key("e1")).set(EventSchema.KIND, "login").execute();
        assertThat(gsiKeyOf(EventSchema.key("e1"))).isEqualTo(T1 + "#e1");
        clock.advance(Duration.ofMinutes(5));
        events.update(EventSchema.key("e1")).set(EventSchema.KIND, "login").execute();
        Map<String, AttributeValue> item = raw(EventSchema.key("e1"));
        assertThat(item.get("GSI1SK").s()).isEqualTo(T1 + "#e1");
        assertThat(item.get("createdAt").s()).isEqualTo(T1.toString());
    }

    private String gsiKeyOf(EntityKey<?> key) {
        return raw(key).get("GSI1SK").s();
    }

    // ------------------------------------------------------------------ 3. @Version on every write path

    /** Runs the tasks at once on 8 threads; returns how many succeeded and the failures. */
    private static List<Throwable> race(List<Callable<Object>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> t : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return t.call();
                }));
            }
            start.countDown();
            List<Throwable> failures = new ArrayList<>();
            for (Future<Object> f : futures) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void update_eightWritersOfOneVersion_exactlyOneWins() throws Exception {
        orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T1));
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String note = "writer " + i;
            tasks.add(() -> orders.patch(OrderSchema.key("u1", "o1"))
                    .expectVersion(1)
                    .set(OrderSchema.NOTE, note)
                    .execute());
        }
        List<Throwable> failures = race(tasks);
        assertThat(failures).hasSize(7).allSatisfy(f -> assertThat(f).isInstanceOf(VersionConflictException.class));
        assertThat(orders.get(OrderSchema.key("u1", "o1"), ReadConsistency.STRONG)
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
    }

    @Test
    void update_withoutVersionChoice_isRefused() {
        orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T1));
        assertThatThrownBy(() -> orders.patch(OrderSchema.key("u1", "o1"))
                        .set(OrderSchema.NOTE, "n")
                        .execute())
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("expectVersion");
    }

    @Test
    void delete_staleEntityAgainstConcurrentUpdates_onlyTheFreshOneApplies() throws Exception {
        Order v1 = orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T1));
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(() -> orders.delete(v1));
            tasks.add(() -> orders.patch(OrderSchema.key("u1", "o1"))
                    .expectVersion(1)
                    .set(OrderSchema.NOTE, "x")
                    .execute());
        }
        List<Throwable> failures = race(tasks);
        assertThat(failures).hasSize(7).allSatisfy(f -> assertThat(f).isInstanceOf(ConditionalFailureException.class));
        assertThatThrownBy(() -> orders.delete(OrderSchema.key("u1", "o1")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("VersionCheck.SKIP");
    }

    @Test
    void transaction_eightPutsOfOneVersion_exactlyOneCommits() throws Exception {
        Order v1 = orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T1));
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Order changed = v1.withNote("tx " + i);
            tasks.add(() -> {
                table.transact()
                        .put(changed)
                        .create(Product.of("p" + changed.note(), "c", "b", "n"))
                        .execute();
                return null;
            });
        }
        List<Throwable> failures = race(tasks);
        assertThat(failures)
                .hasSize(7)
                .allSatisfy(f -> assertThat(f).isInstanceOf(TransactionCancelledException.class));
        assertThat(orders.get(OrderSchema.key("u1", "o1"), ReadConsistency.STRONG)
                        .orElseThrow()
                        .version())
                .isEqualTo(2);
    }

    @Test
    void transaction_deleteOfStaleEntity_isCancelledWithVersionDetail() {
        Order v1 = orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T1));
        orders.put(v1.withNote("newer"));
        assertThatThrownBy(() -> table.transact().delete(v1).execute())
                .isInstanceOfSatisfying(
                        TransactionCancelledException.class,
                        e -> assertThat(e.failures().get(0).detail())
                                .contains("Version conflict")
                                .contains("expected version 1"));
        assertThat(orders.get(OrderSchema.key("u1", "o1"))).isPresent();
    }

    /** Every write path of a versioned entity, each given the stale version 1 of an order now at version 2. */
    static List<Map.Entry<String, BiConsumer<HardeningEngineTest, Order>>> staleWrites() {
        return List.of(
                Map.entry("repository put", (t, stale) -> t.orders.put(stale.withNote("stale"))),
                Map.entry("repository delete(entity)", (t, stale) -> t.orders.delete(stale)),
                Map.entry("repository remove(entity)", (t, stale) -> t.orders.remove(stale)),
                Map.entry(
                        "repository update",
                        (t, stale) -> t.orders
                                .update(OrderSchema.key("u1", "o1"))
                                .expectVersion(stale.version())
                                .set(OrderSchema.NOTE, "stale")
                                .execute()),
                Map.entry(
                        "repository patch",
                        (t, stale) -> t.orders
                                .patch(OrderSchema.key("u1", "o1"))
                                .expectVersion(stale.version())
                                .set(OrderSchema.NOTE, "stale")
                                .execute()),
                Map.entry(
                        "transaction put",
                        (t, stale) ->
                                t.table.transact().put(stale.withNote("stale")).execute()),
                Map.entry(
                        "transaction delete(entity)",
                        (t, stale) -> t.table.transact().delete(stale).execute()),
                Map.entry(
                        "transaction remove(entity)",
                        (t, stale) -> t.table.transact().remove(stale).execute()),
                Map.entry(
                        "transaction update",
                        (t, stale) -> t.table
                                .transact()
                                .update(t.orders
                                        .patch(OrderSchema.key("u1", "o1"))
                                        .expectVersion(stale.version())
                                        .set(OrderSchema.NOTE, "stale"))
                                .execute()));
    }

    @Test
    void everyWritePath_staleVersion_isRefusedAndLeavesTheItem() {
        for (var write : staleWrites()) {
            newTable();
            Order v1 = orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T1));
            orders.put(v1.withNote("newer"));
            assertThatThrownBy(() -> write.getValue().accept(this, v1))
                    .as(write.getKey())
                    .isInstanceOfAny(VersionConflictException.class, TransactionCancelledException.class);
            Order stored = orders.get(OrderSchema.key("u1", "o1"), ReadConsistency.STRONG)
                    .orElseThrow();
            assertThat(stored.note()).as(write.getKey()).isEqualTo("newer");
            assertThat(stored.version()).as(write.getKey()).isEqualTo(2);
        }
    }

    @Test
    void keyOnlyWritePaths_withoutVersionChoice_areRefusedNamingTheOptOut() {
        orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T1));
        EntityKey<Order> key = OrderSchema.key("u1", "o1");
        List<ThrowingCallable> calls = List.of(
                () -> orders.delete(key),
                () -> orders.remove(key),
                () -> orders.update(key).set(OrderSchema.NOTE, "n").execute(),
                () -> table.transact().delete(key, VersionCheck.ENFORCE).execute(),
                () -> table.transact().remove(key, VersionCheck.ENFORCE).execute(),
                () -> table.transact()
                        .update(orders.patch(key).set(OrderSchema.NOTE, "n"))
                        .execute(),
                () -> table.batchWrite().put(Order.of("u1", "o1", OrderStatus.PAID, T1)),
                () -> table.batchWrite().delete(key));
        for (var call : calls) {
            assertThatThrownBy(call)
                    .satisfiesAnyOf(
                            e -> assertThat(e)
                                    .isInstanceOf(InvalidRequestException.class)
                                    .hasMessageContaining("VersionCheck.SKIP"),
                            e -> assertThat(e)
                                    .isInstanceOf(InvalidRequestException.class)
                                    .hasMessageContaining("expectVersion"),
                            e -> assertThat(e)
                                    .isInstanceOf(IllegalArgumentException.class)
                                    .hasMessageContaining("VersionCheck.SKIP"));
        }
        assertThat(orders.get(key, ReadConsistency.STRONG).orElseThrow().version())
                .isEqualTo(1);
    }

    @Test
    void everyWritePath_incrementsTheVersion() {
        Order v = orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T1));
        assertThat(v.version()).isEqualTo(1);
        assertThat(orders.put(v.withNote("put")).version()).isEqualTo(2);
        assertThat(orders.patch(OrderSchema.key("u1", "o1"))
                        .expectVersion(2)
                        .set(OrderSchema.NOTE, "p")
                        .execute()
                        .version())
                .isEqualTo(3);
        assertThat(orders.update(OrderSchema.key("u1", "o1"))
                        .versionCheck(VersionCheck.SKIP)
                        .set(OrderSchema.NOTE, "u")
                        .execute()
                        .version())
                .isEqualTo(4);
        Order v4 =
                orders.get(OrderSchema.key("u1", "o1"), ReadConsistency.STRONG).orElseThrow();
        table.transact().put(v4.withNote("tx")).execute();
        assertThat(storedVersion()).isEqualTo(5);
        table.transact()
                .update(orders.patch(OrderSchema.key("u1", "o1"))
                        .expectVersion(5)
                        .set(OrderSchema.NOTE, "txu"))
                .execute();
        assertThat(storedVersion()).isEqualTo(6);
        Order v6 =
                orders.get(OrderSchema.key("u1", "o1"), ReadConsistency.STRONG).orElseThrow();
        table.batchWrite().put(v6.withNote("batch"), VersionCheck.SKIP).execute();
        assertThat(storedVersion()).isEqualTo(7);
    }

    private long storedVersion() {
        return orders.get(OrderSchema.key("u1", "o1"), ReadConsistency.STRONG)
                .orElseThrow()
                .version();
    }

    @Test
    void batchWrite_versionedEntityWithExplicitSkip_writesAndDeletes_uniqueEntityStaysRefused() {
        Order v1 = orders.create(Order.of("u1", "o1", OrderStatus.CREATED, T1));
        BatchWriteResult r = table.batchWrite()
                .put(v1.withNote("batch"), VersionCheck.SKIP)
                .put(Order.of("u1", "o2", OrderStatus.PAID, T1), VersionCheck.SKIP)
                .execute();
        assertThat(r.written()).isEqualTo(2);
        assertThat(orders.get(OrderSchema.key("u1", "o1"), ReadConsistency.STRONG)
                        .orElseThrow())
                .extracting(Order::note, Order::version)
                .containsExactly("batch", 2L);
        table.batchWrite()
                .delete(OrderSchema.key("u1", "o1"), VersionCheck.SKIP)
                .execute();
        assertThat(orders.get(OrderSchema.key("u1", "o1"), ReadConsistency.STRONG))
                .isEmpty();
        assertThatThrownBy(() -> table.batchWrite().put(User.of("u1", "ann@example.com", "Ann"), VersionCheck.SKIP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Entity USER has @Unique values, which "
                                + "BatchWriteItem cannot keep (it writes no constraint items); use transact() or single writes");
    }

    // ------------------------------------------------------------------ 4. transactions and batches without
    // registration

    @Test
    void transactAndBatch_withoutAnyRepositoryCall_findTheGeneratedSchema() {
        DynamoTable fresh =
                DynamoTable.builder(engine.client, engine.newDefinition()).build();
        fresh.transact()
                .create(Order.of("u1", "o1", OrderStatus.PAID, T1))
                .create(new Doc("o1", "u1", "d1", "t"))
                .execute();
        assertThat(fresh.batchWrite()
                        .put(Product.of("p1", "c", "b", "n"))
                        .execute()
                        .written())
                .isEqualTo(1);
        assertThat(fresh.batchGet(List.of(
                                OrderSchema.key("u1", "o1"), DocSchema.key("o1", "u1", "d1"), ProductSchema.key("p1")))
                        .items())
                .hasSize(3);
    }

    // ------------------------------------------------------------------ 5. batch progress survives an exception

    /** A client of the same engine whose {@code n}-th request of {@code operation} fails before it is sent. */
    private static DynamoDbClient failingOn(String operation, int n) {
        AtomicInteger calls = new AtomicInteger();
        ExecutionInterceptor failNth = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request().getClass().getSimpleName().equals(operation + "Request")
                        && calls.incrementAndGet() == n) {
                    throw SdkClientException.create("injected network failure on " + operation + " #" + n);
                }
            }
        };
        return DynamoDbClient.builder()
                .endpointOverride(engine.db.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(failNth))
                .build();
    }

    @Test
    void batchWrite_errorInThirdChunk_carriesWhatWasWrittenAndWhatWasNot() {
        try (DynamoDbClient client = failingOn("BatchWriteItem", 3)) {
            DynamoTable t = DynamoTable.builder(client, engine.newDefinition()).build();
            BatchWriteBuilder b = t.batchWrite();
            for (int i = 0; i < 60; i++) {
                b.put(Product.of("p" + i, "c", "b", "n" + i));
            }
            assertThatThrownBy(b::execute)
                    .isInstanceOfSatisfying(BatchWriteException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SingleTableException.Reason.BATCH_FAILED);
                        assertThat(e.progress().written()).isEqualTo(50);
                        assertThat(e.progress().unprocessed())
                                .hasSize(10)
                                .allSatisfy(o -> assertThat(((Product) o).sku()).isIn(skus(50, 60)));
                    })
                    .hasMessageContaining("after 50 write(s); 10 not confirmed");
        }
    }

    @Test
    void batchGet_errorInSecondChunk_carriesWhatWasReadAndWhatWasNot() {
        DynamoTable ok = engine.newTable();
        BatchWriteBuilder w = ok.batchWrite();
        List<EntityKey<?>> keys = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            w.put(Product.of("p" + i, "c", "b", "n" + i));
            keys.add(ProductSchema.key("p" + i));
        }
        w.execute();
        try (DynamoDbClient client = failingOn("BatchGetItem", 2)) {
            DynamoTable t = DynamoTable.builder(client, ok.definition()).build();
            assertThatThrownBy(() -> t.batchGet(keys)).isInstanceOfSatisfying(BatchGetException.class, e -> {
                assertThat(e.progress().items()).hasSize(100);
                assertThat(e.progress().unprocessed()).hasSize(50);
            });
        }
    }

    private static List<String> skus(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("p" + i);
        }
        return out;
    }

    // ------------------------------------------------------------------ 6. cursors bound to the whole query

    @Test
    void cursor_ofAnotherFilterOrDirection_isRefused_andExpires() {
        DynamoTable t = engine.newTable(b -> b.clock(clock).cursorTtl(Duration.ofMinutes(10)));
        EntityRepository<Order> os = t.repository(OrderSchema.SCHEMA);
        for (int i = 0; i < 6; i++) {
            os.create(Order.of("u1", "o" + i, i % 2 == 0 ? OrderStatus.PAID : OrderStatus.CREATED, T1));
        }
        String paid = os.query(OrderSchema.partition("u1"))
                .filter(OrderSchema.STATUS.eq(OrderStatus.PAID))
                .limit(1)
                .execute()
                .cursor();
        assertThatThrownBy(() -> os.query(OrderSchema.partition("u1"))
                        .filter(OrderSchema.STATUS.eq(OrderStatus.CREATED))
                        .after(paid)
                        .execute())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("another query")
                .hasMessageNotContaining(t.name());
        assertThatThrownBy(() -> os.query(OrderSchema.partition("u1"))
                        .filter(OrderSchema.STATUS.eq(OrderStatus.PAID))
                        .descending()
                        .after(paid)
                        .execute())
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> os.query(OrderSchema.partition("u1"))
                        .gte(OrderSchema.sk("o0"))
                        .filter(OrderSchema.STATUS.eq(OrderStatus.PAID))
                        .after(paid)
                        .execute())
                .isInstanceOf(InvalidCursorException.class);
        assertThat(os.query(OrderSchema.partition("u1"))
                        .filter(OrderSchema.STATUS.eq(OrderStatus.PAID))
                        .limit(1)
                        .after(paid)
                        .execute()
                        .items())
                .extracting(Order::orderId)
                .containsExactly("o2");
        clock.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> os.query(OrderSchema.partition("u1"))
                        .filter(OrderSchema.STATUS.eq(OrderStatus.PAID))
                        .after(paid)
                        .execute())
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("expired");
    }

    // ------------------------------------------------------------------ 7. correlation on writes

    @Test
    void everyWritePath_storesTheCurrentCorrelationId() {
        Correlation.set("corr-7");
        orders.create(Order.of("u1", "o1", OrderStatus.PAID, T1));
        table.repository(ProductSchema.SCHEMA)
                .update(ProductSchema.key("p1"))
                .set(ProductSchema.STOCK, 3)
                .execute();
        table.transact().create(new Doc("o1", "u1", "d1", "t")).execute();
        table.batchWrite().put(Product.of("p2", "c", "b", "n")).execute();
        for (EntityKey<?> k : List.of(
                OrderSchema.key("u1", "o1"),
                ProductSchema.key("p1"),
                DocSchema.key("o1", "u1", "d1"),
                ProductSchema.key("p2"))) {
            assertThat(raw(k).get(Correlation.ITEM_ATTRIBUTE))
                    .as(k.toString())
                    .isEqualTo(AttributeValue.fromS("corr-7"));
        }
    }

    @Test
    void correlation_renamedOrOff_isHonoured() {
        Correlation.set("corr-8");
        DynamoTable renamed = engine.newTable(b -> b.correlationAttribute("cid"));
        renamed.repository(OrderSchema.SCHEMA).create(Order.of("u1", "o1", OrderStatus.PAID, T1));
        Map<String, AttributeValue> item = engine.client
                .getItem(GetItemRequest.builder()
                        .tableName(renamed.name())
                        .key(OrderSchema.key("u1", "o1").key())
                        .build())
                .item();
        assertThat(item.get("cid")).isEqualTo(AttributeValue.fromS("corr-8"));
        assertThat(item).doesNotContainKey(Correlation.ITEM_ATTRIBUTE);
        DynamoTable off = engine.newTable(DynamoTable.Builder::withoutCorrelation);
        off.repository(OrderSchema.SCHEMA).create(Order.of("u1", "o1", OrderStatus.PAID, T1));
        assertThat(engine.client
                        .getItem(GetItemRequest.builder()
                                .tableName(off.name())
                                .key(OrderSchema.key("u1", "o1").key())
                                .build())
                        .item())
                .doesNotContainKey(Correlation.ITEM_ATTRIBUTE);
    }

    // ------------------------------------------------------------------ 8. placeholder clashes

    @Test
    void rawPlaceholderOfGeneratedForm_isRefusedInEitherOrder() {
        orders.create(Order.of("u1", "o1", OrderStatus.PAID, T1));
        Condition rawFirst =
                Condition.raw("#a0 = :v0", Map.of("#a0", "note"), Map.of(":v0", AttributeValue.fromS("x")));
        assertThatThrownBy(() ->
                        orders.put(Order.of("u1", "o1", OrderStatus.PAID, T1), rawFirst.and(OrderSchema.NOTE.exists())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'#a0' has the form of a generated one");
        assertThatThrownBy(() -> orders.patch(OrderSchema.key("u1", "o1"))
                        .expectVersion(1)
                        .set(OrderSchema.NOTE, "n")
                        .condition(rawFirst)
                        .execute())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has the form of a generated one");
        assertThat(orders.get(OrderSchema.key("u1", "o1")).orElseThrow().note()).isNull();
    }

    // ------------------------------------------------------------------ 9. small items

    @Test
    void remove_withFalseCondition_failsAndKeepsTheItem() {
        orders.create(Order.of("u1", "o1", OrderStatus.PAID, T1));
        assertThatThrownBy(() -> orders.remove(
                        OrderSchema.key("u1", "o1"), OrderSchema.STATUS.eq(OrderStatus.SHIPPED), VersionCheck.SKIP))
                .isInstanceOfSatisfying(
                        ConditionalFailureException.class,
                        e -> assertThat(e.reason()).isEqualTo(SingleTableException.Reason.CONDITION_FAILED));
        assertThat(orders.remove(
                                OrderSchema.key("u1", "o1"), OrderSchema.STATUS.eq(OrderStatus.PAID), VersionCheck.SKIP)
                        .orderId())
                .isEqualTo("o1");
    }

    @Test
    void dryRunDeleteOfUniqueEntity_sendsNothing() {
        EntityRepository<User> users = table.repository(UserSchema.SCHEMA);
        User ann = users.create(User.of("u1", "ann@example.com", "Ann"));
        engine.db.faults().failFraction("GetItem", 1.0, Faults.Kind.INTERNAL_ERROR);
        TransactWriteItemsRequest delete =
                (TransactWriteItemsRequest) users.dryRun().delete(ann);
        TransactWriteItemsRequest remove =
                (TransactWriteItemsRequest) users.dryRun().remove(ann);
        engine.db.faults().clear();
        assertThat(delete.transactItems()).hasSize(2);
        assertThat(delete.transactItems().get(1).delete().key().get("PK").s())
                .isEqualTo("UNIQUE#USER#Email#ann@example.com");
        assertThat(remove.transactItems().get(0).delete().conditionExpression()).contains("attribute_exists(");
        users.remove(ann);
        assertThat(users.get(UserSchema.key("u1"))).isEmpty();
        assertThat(users.create(User.of("u2", "ann@example.com", "Ann 2")).userId())
                .isEqualTo("u2");
    }

    @Test
    void uniqueValueNormalizer_caseVariantIsTaken_andCaseOnlyChangeKeepsTheClaim() {
        DynamoTable t = engine.newTable(b -> b.uniqueValueNormalizer(
                (type, attribute, value) -> attribute.equals("Email") ? value.toLowerCase(Locale.ROOT) : value));
        EntityRepository<User> users = t.repository(UserSchema.SCHEMA);
        User ann = users.create(User.of("u1", "Ann@Example.com", "Ann"));
        assertThatThrownBy(() -> users.create(User.of("u2", "ann@example.COM", "Other")))
                .isInstanceOf(UniqueConstraintException.class);
        User renamed = users.put(new User("u1", "ann@example.com", "Ann", null, null, ann.version(), null, null));
        assertThat(renamed.email()).isEqualTo("ann@example.com");
        assertThatThrownBy(() -> users.create(User.of("u3", "ANN@example.com", "Third")))
                .isInstanceOf(UniqueConstraintException.class);
    }

    @Test
    void convert_userWrittenConverter_storesReadsAndConditionsThroughIt() {
        EntityRepository<Invoice> invoices = table.repository(InvoiceSchema.SCHEMA);
        invoices.create(new Invoice("i1", new Money(1250, "EUR")));
        assertThat(raw(InvoiceSchema.key("i1")).get("total")).isEqualTo(AttributeValue.fromS("1250 EUR"));
        assertThat(invoices.get(InvoiceSchema.key("i1")).orElseThrow().total()).isEqualTo(new Money(1250, "EUR"));
        assertThatThrownBy(() -> invoices.put(
                        new Invoice("i1", new Money(1, "EUR")), InvoiceSchema.TOTAL.eq(new Money(9, "EUR"))))
                .isInstanceOf(ConditionalFailureException.class);
        invoices.put(new Invoice("i1", new Money(1, "EUR")), InvoiceSchema.TOTAL.eq(new Money(1250, "EUR")));
        assertThat(invoices.get(InvoiceSchema.key("i1")).orElseThrow().total()).isEqualTo(new Money(1, "EUR"));
    }

    @Test
    void collectionQuery_withSortKeyConditionAndFilter_selectsMembers() {
        orders.create(Order.of("u1", "o1", OrderStatus.PAID, T1));
        orders.create(Order.of("u1", "o2", OrderStatus.CREATED, T1));
        table.repository(UserSchema.SCHEMA).create(User.of("u1", "ann@example.com", "Ann"));
        EntityCollection c = table.collection("userData", UserSchema.SCHEMA, OrderSchema.SCHEMA);
        assertThat(c.query(UserSchema.partition("u1"))
                        .eq(OrderSchema.sk("o1"))
                        .execute()
                        .items())
                .extracting(o -> ((Order) o).orderId())
                .containsExactly("o1");
        assertThat(c.query(UserSchema.partition("u1"))
                        .filter(OrderSchema.STATUS.eq(OrderStatus.CREATED))
                        .execute()
                        .items())
                .extracting(o -> ((Order) o).orderId())
                .containsExactly("o2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      eq  | o2 | ORDER#o2
      gt  | o2 | ORDER#o3, PROFILE
      gte | o2 | ORDER#o2, ORDER#o3, PROFILE
      lt  | o2 | ORDER#o1
      lte | o2 | ORDER#o1, ORDER#o2
      """)
    void collectionQuery_sortKeyOperator_selectsTheItemsDynamoDbOrders(String op, String orderId, String expected) {
        for (String id : List.of("o1", "o2", "o3")) {
            orders.create(Order.of("u1", id, OrderStatus.PAID, T1));
        }
        table.repository(UserSchema.SCHEMA).create(User.of("u1", "ann@example.com", "Ann"));
        EntityCollection.Query q = table.collection("userData", UserSchema.SCHEMA, OrderSchema.SCHEMA)
                .query(UserSchema.partition("u1"));
        SortKey<Order> key = OrderSchema.sk(orderId);
        q = switch (op) {
            case "eq" -> q.eq(key);
            case "gt" -> q.gt(key);
            case "gte" -> q.gte(key);
            case "lt" -> q.lt(key);
            case "lte" -> q.lte(key);
            default -> throw new IllegalArgumentException(op);
        };
        List<String> sortKeys = q.stream()
                .map(o -> o instanceof Order order ? "ORDER#" + order.orderId() : "PROFILE")
                .toList();
        assertThat(sortKeys).containsExactly(expected.split(", "));
    }

    @Test
    void collectionQuery_gtWithFilter_appliesBoth() {
        orders.create(Order.of("u1", "o1", OrderStatus.PAID, T1));
        orders.create(Order.of("u1", "o2", OrderStatus.CREATED, T1));
        orders.create(Order.of("u1", "o3", OrderStatus.PAID, T1));
        EntityCollection c = table.collection("userData", UserSchema.SCHEMA, OrderSchema.SCHEMA);
        assertThat(c.query(UserSchema.partition("u1"))
                        .gt(OrderSchema.sk("o1"))
                        .filter(OrderSchema.STATUS.eq(OrderStatus.PAID))
                        .execute()
                        .items())
                .extracting(o -> ((Order) o).orderId())
                .containsExactly("o3");
    }
}
