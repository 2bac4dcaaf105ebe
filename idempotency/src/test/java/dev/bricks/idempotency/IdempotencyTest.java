package dev.bricks.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bricks.core.HandlerFailedException;
import dev.bricks.dynamo.TableDefinition;
import dev.bricks.local.dynamodb.CallListener;
import dev.bricks.local.dynamodb.EngineCall;
import dev.bricks.local.dynamodb.LocalDynamoDbExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Idempotency records on the local engine through a real SDK client. */
class IdempotencyTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    record Order(String orderId, int quantity) {}

    record Reservation(String reservationId, int quantity) {}

    private final Engine.CallCounter counter = new Engine.CallCounter();
    private final Engine.MovableClock clock = new Engine.MovableClock();
    private final AtomicInteger executions = new AtomicInteger();
    private DynamoDbClient client;
    private TableDefinition table;
    private Idempotency idempotency;

    @BeforeEach
    void setUp() {
        client = Engine.client(DYNAMO.engine(), counter);
        table = Engine.table(client);
        idempotency = Idempotency.builder(client, table)
                .namespace("reserve")
                .clock(clock)
                .build();
        counter.calls.set(0);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private Reservation reserve(Order order) {
        executions.incrementAndGet();
        return new Reservation("r-" + order.orderId(), order.quantity());
    }

    @Test
    void once_sequentialDuplicate_runsOnceAndReturnsTheStoredResult() {
        Order order = new Order("o-1", 3);

        Reservation first = idempotency.once("o-1", order, Reservation.class, () -> reserve(order));
        int firstCalls = counter.calls.getAndSet(0);
        Reservation second = idempotency.once("o-1", order, Reservation.class, () -> reserve(order));

        assertThat(second).isEqualTo(first).isEqualTo(new Reservation("r-o-1", 3));
        assertThat(executions).hasValue(1);
        assertThat(firstCalls).isEqualTo(2); // conditional PutItem + UpdateItem
        assertThat(counter.calls).hasValue(1); // the conditional PutItem, answered with the stored record
    }

    @Test
    void once_roundTripsSeenByTheEngine_firstTwoWritesDuplicateOneRefusedPutNoScanOrQuery() {
        List<EngineCall> calls = new CopyOnWriteArrayList<>();
        CallListener listener = call -> {
            if (call.tables().contains(table.name())) {
                calls.add(call);
            }
        };
        DYNAMO.engine().addCallListener(listener);
        try {
            Order order = new Order("o-rt", 1);

            idempotency.once("o-rt", order, Reservation.class, () -> reserve(order));
            List<EngineCall> first = List.copyOf(calls);
            calls.clear();
            idempotency.once("o-rt", order, Reservation.class, () -> reserve(order));

            assertThat(first)
                    .extracting(EngineCall::operation, EngineCall::errorType)
                    .containsExactly(tuple("PutItem", null), tuple("UpdateItem", null));
            assertThat(calls)
                    .extracting(EngineCall::operation, EngineCall::errorType)
                    .containsExactly(tuple("PutItem", "ConditionalCheckFailedException"));
            assertThat(executions).hasValue(1);
        } finally {
            DYNAMO.engine().removeCallListener(listener);
        }
    }

    @Test
    void once_record_storedUnderItsOwnKeyPrefixWithStatusHashResultAndTtl() {
        idempotency.once("o-1", new Order("o-1", 3), Reservation.class, () -> reserve(new Order("o-1", 3)));

        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table.name())
                        .key(Map.of(
                                "PK",
                                AttributeValue.fromS("IDEMPOTENCY#reserve#o-1"),
                                "SK",
                                AttributeValue.fromS("IDEMPOTENCY"))))
                .item();
        assertThat(item.get(RecordStore.STATUS).s()).isEqualTo("COMPLETED");
        assertThat(item.get(RecordStore.RESULT).s()).isEqualTo("{\"reservationId\":\"r-o-1\",\"quantity\":3}");
        assertThat(item.get(RecordStore.PAYLOAD_HASH).s())
                .isEqualTo(Idempotency.hash(new Order("o-1", 3)))
                .hasSize(64);
        assertThat(Long.parseLong(item.get("ttl").n()))
                .isEqualTo(clock.instant().plus(Idempotency.DEFAULT_EXPIRY).getEpochSecond());
    }

    @Test
    void once_eightConcurrentDuplicates_oneExecution() throws Exception {
        Order order = new Order("o-2", 1);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    try {
                        return idempotency.once("o-2", order, Reservation.class, () -> {
                            Reservation r = reserve(order);
                            release.await(5, TimeUnit.SECONDS); // hold the key while the others arrive
                            return r;
                        });
                    } catch (IdempotencyException e) {
                        return e.reason();
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            Thread.sleep(300); // every duplicate reaches DynamoDB while the first holds the key
            release.countDown();
            for (Future<Object> f : calls) {
                outcomes.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(executions).hasValue(1);
            assertThat(outcomes).containsOnly(new Reservation("r-o-2", 1), IdempotencyException.Reason.IN_PROGRESS);
            assertThat(outcomes).contains(new Reservation("r-o-2", 1));
        } finally {
            pool.shutdownNow();
        }
        assertThat(idempotency.once("o-2", order, Reservation.class, () -> reserve(order)))
                .isEqualTo(new Reservation("r-o-2", 1));
        assertThat(executions).hasValue(1);
    }

    @Test
    void once_sameKeyOtherPayload_payloadMismatch() {
        idempotency.once("o-3", new Order("o-3", 1), Reservation.class, () -> reserve(new Order("o-3", 1)));

        assertThatThrownBy(() -> idempotency.once(
                        "o-3", new Order("o-3", 2), Reservation.class, () -> reserve(new Order("o-3", 2))))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> {
                    assertThat(e.reason()).isEqualTo(IdempotencyException.Reason.PAYLOAD_MISMATCH);
                    assertThat(e.toProblem().status()).isEqualTo(422);
                    assertThat(e.toProblem().type()).isEqualTo("https://bricks.dev/problems#idempotency-key-reused");
                })
                .hasMessage("Idempotency: key 'o-3' was used before with another payload");
        assertThat(executions).hasValue(1);
    }

    @Test
    void once_afterExpiry_runsAgain() {
        Order order = new Order("o-4", 1);
        idempotency.once("o-4", order, Reservation.class, () -> reserve(order));
        clock.advance(Idempotency.DEFAULT_EXPIRY.plusSeconds(1)); // TTL passed; DynamoDB may not have deleted it yet

        idempotency.once("o-4", order, Reservation.class, () -> reserve(order));

        assertThat(executions).hasValue(2);
    }

    @Test
    void once_handlerThrowsThenSucceeds_recordReleasedAndRetryRuns() {
        Order order = new Order("o-5", 1);
        AtomicInteger attempts = new AtomicInteger();
        Action<Reservation> flaky = () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IOException("inventory service unreachable");
            }
            return reserve(order);
        };

        assertThatThrownBy(() -> idempotency.once("o-5", order, Reservation.class, flaky))
                .isInstanceOf(HandlerFailedException.class)
                .hasRootCauseInstanceOf(IOException.class);
        Reservation r = idempotency.once("o-5", order, Reservation.class, flaky);

        assertThat(r).isEqualTo(new Reservation("r-o-5", 1));
        assertThat(attempts).hasValue(2);
        assertThat(idempotency.once("o-5", order, Reservation.class, flaky)).isEqualTo(r);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void once_crashedInvocation_inProgressUntilItsDeadlineThenRunsOnce() {
        Order order = new Order("o-6", 1);
        // what a killed invocation leaves behind: an IN_PROGRESS record bound to its remaining time (10 s)
        RecordStore store = new RecordStore(client, table, "ttl");
        long now = clock.millis();
        assertThat(store.claim(
                        "reserve#o-6",
                        RecordStore.Status.IN_PROGRESS,
                        Idempotency.hash(order),
                        null,
                        now / 1000 + 3600,
                        now + 10_000,
                        now))
                .isEmpty();

        assertThatThrownBy(() -> idempotency.once("o-6", order, Reservation.class, () -> reserve(order)))
                .isInstanceOfSatisfying(
                        IdempotencyException.class,
                        e -> assertThat(e.reason()).isEqualTo(IdempotencyException.Reason.IN_PROGRESS));
        clock.advance(Duration.ofSeconds(11));
        idempotency.once("o-6", order, Reservation.class, () -> reserve(order));
        idempotency.once("o-6", order, Reservation.class, () -> reserve(order));

        assertThat(executions).hasValue(1);
    }

    @Test
    void once_stalledPastDeadline_laterAttemptKeepsTheRecord() {
        Order order = new Order("o-7", 1);

        Reservation stalled = idempotency.once("o-7", order, Reservation.class, () -> {
            // this attempt outlives its in-progress deadline; a retry takes the key over and completes first
            clock.advance(Duration.ofMinutes(16));
            Reservation later = idempotency.once(
                    "o-7", order, Reservation.class, () -> new Reservation("r-later", order.quantity()));
            assertThat(later.reservationId()).isEqualTo("r-later");
            return reserve(order);
        });

        assertThat(stalled.reservationId()).isEqualTo("r-o-7");
        assertThat(idempotency
                        .once("o-7", order, Reservation.class, () -> reserve(order))
                        .reservationId())
                .as("the stalled attempt's completion did not overwrite the later attempt's record")
                .isEqualTo("r-later");
        assertThat(executions).hasValue(1);
    }

    @Test
    void atMostOnce_effectFails_notRunAgain() {
        AtomicInteger mails = new AtomicInteger();

        assertThatThrownBy(() -> idempotency.atMostOnce("mail-1", "order o-7", () -> {
                    mails.incrementAndGet();
                    throw new IllegalStateException("SMTP down");
                }))
                .isInstanceOf(IllegalStateException.class);
        boolean ran = idempotency.atMostOnce("mail-1", "order o-7", mails::incrementAndGet);

        assertThat(ran).isFalse();
        assertThat(mails).hasValue(1);
    }

    @Test
    void atLeastOnce_effectFails_runsAgainThenNotAfterSuccess() {
        AtomicInteger mails = new AtomicInteger();

        assertThatThrownBy(() -> idempotency.atLeastOnce(null, "mail-2", "order o-8", () -> {
                    throw new IllegalStateException("SMTP down");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(idempotency.atLeastOnce(null, "mail-2", "order o-8", mails::incrementAndGet))
                .isTrue();
        assertThat(idempotency.atLeastOnce(null, "mail-2", "order o-8", mails::incrementAndGet))
                .isFalse();

        assertThat(mails).hasValue(1);
    }

    @Test
    void builder_blankKeyAndMissingTtl_failNamingTheProblem() {
        assertThatThrownBy(() -> idempotency.once(" ", null, Void.class, () -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("idempotency key must be non-blank, was ' '");
        TableDefinition noTtl = TableDefinition.builder("NoTtl").build();
        assertThatThrownBy(() -> Idempotency.builder(client, noTtl).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("table NoTtl has no TTL attribute");
    }
}
