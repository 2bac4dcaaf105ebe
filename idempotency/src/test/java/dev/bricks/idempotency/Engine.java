package dev.bricks.idempotency;

import dev.bricks.dynamo.TableDefinition;
import dev.bricks.local.dynamodb.LocalDynamoDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Test fixtures: a real SDK client on the local engine with interceptors (one counts its calls), a table, a settable clock. */
final class Engine {

    private Engine() {}

    /** Counts the DynamoDB requests a client sends (round trips). */
    static final class CallCounter implements ExecutionInterceptor {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            calls.incrementAndGet();
        }
    }

    static DynamoDbClient client(LocalDynamoDb engine, ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(engine.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> List.of(interceptors).forEach(c::addExecutionInterceptor))
                .build();
    }

    static TableDefinition table(DynamoDbClient client) {
        TableDefinition definition = TableDefinition.builder("Idem" + System.nanoTime())
                .ttlAttribute("ttl")
                .build();
        client.createTable(definition.toCreateTableRequest());
        return definition;
    }

    /** A clock the test moves. Thread-safe. */
    static final class MovableClock extends Clock {
        private final AtomicLong millis =
                new AtomicLong(Instant.parse("2026-12-03T09:00:00Z").toEpochMilli());

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public long millis() {
            return millis.get();
        }
    }
}
