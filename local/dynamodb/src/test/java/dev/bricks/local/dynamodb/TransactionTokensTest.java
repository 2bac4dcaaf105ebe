package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionInProgressException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** ClientRequestToken idempotency under concurrency: one token applies at most once. */
class TransactionTokensTest {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        db = LocalDynamoDb.start();
        client = DynamoDbClient.builder()
                .endpointOverride(db.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        db.close();
    }

    private static TransactWriteItemsRequest increment(String table, String token) {
        return TransactWriteItemsRequest.builder()
                .clientRequestToken(token)
                .transactItems(TransactWriteItem.builder()
                        .update(Update.builder()
                                .tableName(table)
                                .key(item("pk", "counter"))
                                .updateExpression("ADD v :one")
                                .expressionAttributeValues(Map.of(":one", n(1)))
                                .build())
                        .build())
                .build();
    }

    private static String counter(String table) {
        return client.getItem(b -> b.tableName(table).key(item("pk", "counter")).consistentRead(true))
                .item()
                .get("v")
                .n();
    }

    @Test
    void transactWriteItems_eightThreadsOneToken_appliesOnce() throws Exception {
        String table = Fixtures.table(client, false);
        for (int round = 0; round < 20; round++) {
            String token = "token-" + round;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        try {
                            client.transactWriteItems(increment(table, token));
                            return "ok";
                        } catch (TransactionInProgressException e) {
                            return "in progress";
                        }
                    }));
                }
                go.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : results) {
                    outcomes.add(f.get(30, TimeUnit.SECONDS));
                }
                assertThat(outcomes).contains("ok").isSubsetOf("ok", "in progress");
            } finally {
                pool.shutdownNow();
            }
            assertThat(counter(table)).as("after round %d", round).isEqualTo(Integer.toString(round + 1));
        }
        client.transactWriteItems(
                increment(table, "token-0")); // a late retry of an applied request: success, no change
        assertThat(counter(table)).isEqualTo("20");
    }

    @Test
    void transactWriteItems_tokenWhoseFirstRequestIsStillRunning_answersTransactionInProgress() throws Exception {
        String table = Fixtures.table(client, false);
        Lock tableLock = db.engine().table(table).lock.writeLock();
        tableLock.lock(); // the first request claims its token, then waits here for the table
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> first = pool.submit(() -> client.transactWriteItems(increment(table, "slow")));
            ReentrantWait.untilQueued(db.engine().table(table));
            assertThatThrownBy(() -> client.transactWriteItems(increment(table, "slow")))
                    .isInstanceOf(TransactionInProgressException.class);
            tableLock.unlock();
            first.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(counter(table)).isEqualTo("1");
        client.transactWriteItems(increment(table, "slow"));
        assertThat(counter(table)).isEqualTo("1");
    }

    @Test
    void transactWriteItems_sameTokenOtherParameters_isRejected() {
        String table = Fixtures.table(client, false);
        client.transactWriteItems(increment(table, "reused"));
        assertThatThrownBy(() -> client.transactWriteItems(TransactWriteItemsRequest.builder()
                        .clientRequestToken("reused")
                        .transactItems(TransactWriteItem.builder()
                                .update(Update.builder()
                                        .tableName(table)
                                        .key(item("pk", "counter"))
                                        .updateExpression("ADD v :two")
                                        .expressionAttributeValues(Map.of(":two", n(2)))
                                        .build())
                                .build())
                        .build()))
                .isInstanceOf(IdempotentParameterMismatchException.class);
        assertThat(counter(table)).isEqualTo("1");
    }

    @Test
    void transactWriteItems_failedFirstRequest_freesItsTokenForARetry() {
        String table = Fixtures.table(client, false);
        db.faults().failNext("TransactWriteItems", 1, Faults.Kind.TRANSACTION_CONFLICT);
        assertThatThrownBy(() -> client.transactWriteItems(increment(table, "retry-me")))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.class);
        client.transactWriteItems(increment(table, "retry-me"));
        assertThat(counter(table)).isEqualTo("1");
    }

    /** Waits until a thread is queued on the table's lock (the first request has claimed its token by then). */
    private static final class ReentrantWait {
        static void untilQueued(Table t) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!t.lock.hasQueuedThreads()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the first request never reached the table lock");
                }
                Thread.sleep(1);
            }
        }
    }
}
