package dev.bricks.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.local.dynamodb.LocalDynamoDbExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Property: whatever the interleaving of at-least-once deliveries — duplicates, concurrent copies, handlers failing
 * before their effect and redelivered — each key's effect happens exactly once.
 */
class DeliveryPropertyTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    @RepeatedTest(3)
    void once_1000RandomDeliveriesWithDuplicatesAndFailures_effectCountEqualsDistinctKeys(RepetitionInfo run)
            throws Exception {
        Random random = new Random(1_000L + run.getCurrentRepetition());
        Engine.CallCounter counter = new Engine.CallCounter();
        try (DynamoDbClient client = Engine.client(DYNAMO.engine(), counter)) {
            Idempotency idempotency =
                    Idempotency.builder(client, Engine.table(client)).build();
            List<String> deliveries = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                deliveries.add("key-" + random.nextInt(250));
            }
            Collections.shuffle(deliveries, random);
            Set<String> distinct = new HashSet<>(deliveries);
            ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(deliveries);
            Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();
            AtomicInteger failures = new AtomicInteger();
            AtomicInteger redeliveries = new AtomicInteger();

            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                long seed = random.nextLong();
                workers.add(pool.submit(() -> {
                    Random local = new Random(seed);
                    String key;
                    while ((key = queue.poll()) != null) {
                        String k = key;
                        try {
                            idempotency.once(k, k, Void.class, () -> {
                                if (local.nextInt(5) == 0) {
                                    failures.incrementAndGet();
                                    throw new IllegalStateException("handler failed before its effect");
                                }
                                effects.computeIfAbsent(k, x -> new AtomicInteger())
                                        .incrementAndGet();
                                return null;
                            });
                        } catch (IllegalStateException | IdempotencyException e) {
                            redeliveries.incrementAndGet();
                            queue.add(k); // at-least-once delivery: the trigger delivers it again
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(effects.keySet()).isEqualTo(distinct);
            assertThat(effects.values()).allSatisfy(count -> assertThat(count).hasValue(1));
            assertThat(failures.get()).isPositive();
            assertThat(redeliveries.get()).isGreaterThanOrEqualTo(failures.get());
        }
    }
}
