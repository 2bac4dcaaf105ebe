package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.n;
import static dev.bricks.local.dynamodb.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class StreamsAndTtlTest {
    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    DynamoDbClient client;
    DynamoDbStreamsClient streams;

    @BeforeEach
    void setUp() {
        client = DYNAMO.client();
        streams = DYNAMO.streamsClient();
    }

    private String streamTable(StreamViewType type) {
        String name = Fixtures.uniqueName("st");
        client.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName("pk")
                        .keyType(KeyType.HASH)
                        .build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(type)));
        return name;
    }

    private List<Record> records(String table, ShardIteratorType type, String seq) {
        String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        var shard = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0);
        String it = streams.getShardIterator(b -> b.streamArn(arn)
                        .shardId(shard.shardId())
                        .shardIteratorType(type)
                        .sequenceNumber(seq))
                .shardIterator();
        return streams.getRecords(b -> b.shardIterator(it)).records();
    }

    @ParameterizedTest
    @EnumSource(
            value = StreamViewType.class,
            names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void getRecords_eachViewType_carriesTheRightImages(StreamViewType type) {
        String t = streamTable(type);
        client.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
        client.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 2)));
        client.deleteItem(b -> b.tableName(t).key(item("pk", "a")));

        List<Record> rs = records(t, ShardIteratorType.TRIM_HORIZON, null);

        assertThat(rs).extracting(r -> r.eventNameAsString()).containsExactly("INSERT", "MODIFY", "REMOVE");
        Record modify = rs.get(1);
        assertThat(modify.dynamodb().keys()).isEqualTo(item("pk", "a"));
        assertThat(modify.dynamodb().streamViewType()).isEqualTo(type);
        boolean wantNew = type == StreamViewType.NEW_IMAGE || type == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean wantOld = type == StreamViewType.OLD_IMAGE || type == StreamViewType.NEW_AND_OLD_IMAGES;
        assertThat(modify.dynamodb().hasNewImage()).isEqualTo(wantNew);
        assertThat(modify.dynamodb().hasOldImage()).isEqualTo(wantOld);
        if (wantNew) assertThat(modify.dynamodb().newImage()).containsEntry("v", n(2));
        if (wantOld) assertThat(modify.dynamodb().oldImage()).containsEntry("v", n(1));
        assertThat(rs).extracting(r -> r.eventSource()).containsOnly("aws:dynamodb");
        assertThat(rs.get(0).dynamodb().sequenceNumber())
                .isLessThan(rs.get(1).dynamodb().sequenceNumber());
    }

    @Test
    void getRecords_noOpWrites_produceNoRecords() {
        String t = streamTable(StreamViewType.NEW_AND_OLD_IMAGES);
        client.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
        client.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));
        client.updateItem(b -> b.tableName(t)
                .key(item("pk", "a"))
                .updateExpression("SET v = :v")
                .expressionAttributeValues(Map.of(":v", n(1))));
        client.deleteItem(b -> b.tableName(t).key(item("pk", "missing")));

        assertThat(records(t, ShardIteratorType.TRIM_HORIZON, null)).hasSize(1);
    }

    @Test
    void getShardIterator_latestAndSequenceNumbers_startWhereAsked() {
        String t = streamTable(StreamViewType.KEYS_ONLY);
        for (String k : List.of("a", "b", "c"))
            client.putItem(b -> b.tableName(t).item(item("pk", k)));
        List<Record> all = records(t, ShardIteratorType.TRIM_HORIZON, null);
        String second = all.get(1).dynamodb().sequenceNumber();

        assertThat(records(t, ShardIteratorType.LATEST, null)).isEmpty();
        assertThat(records(t, ShardIteratorType.AT_SEQUENCE_NUMBER, second))
                .extracting(r -> r.dynamodb().keys().get("pk").s())
                .containsExactly("b", "c");
        assertThat(records(t, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second))
                .extracting(r -> r.dynamodb().keys().get("pk").s())
                .containsExactly("c");
    }

    @Test
    void getRecords_nextShardIterator_continuesWithLaterWrites() {
        String t = streamTable(StreamViewType.KEYS_ONLY);
        String arn = client.describeTable(b -> b.tableName(t)).table().latestStreamArn();
        String shard = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String it = streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.LATEST))
                .shardIterator();
        client.putItem(b -> b.tableName(t).item(item("pk", "later")));

        var r = streams.getRecords(b -> b.shardIterator(it));
        var r2 = streams.getRecords(b -> b.shardIterator(r.nextShardIterator()));

        assertThat(r.records()).hasSize(1);
        assertThat(r2.records()).isEmpty();
        assertThat(r2.nextShardIterator()).isNotNull();
    }

    @Test
    void listStreams_andUpdateTable_disableThenEnable_makeANewStream() {
        String t = streamTable(StreamViewType.KEYS_ONLY);
        String first = client.describeTable(b -> b.tableName(t)).table().latestStreamArn();
        client.updateTable(b -> b.tableName(t).streamSpecification(s -> s.streamEnabled(false)));
        var closed = streams.describeStream(b -> b.streamArn(first)).streamDescription();
        client.updateTable(b -> b.tableName(t)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));

        assertThat(closed.streamStatusAsString()).isEqualTo("DISABLED");
        assertThat(streams.listStreams(b -> b.tableName(t)).streams()).hasSize(2);
        assertThat(client.describeTable(b -> b.tableName(t))
                        .table()
                        .streamSpecification()
                        .streamViewType())
                .isEqualTo(StreamViewType.NEW_IMAGE);
    }

    @Test
    void describeStream_unknownArn_isResourceNotFound() {
        assertThatThrownBy(() -> streams.describeStream(
                        b -> b.streamArn("arn:aws:dynamodb:us-east-1:000000000000:table/x/stream/2020")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void ttl_expiredItems_areDeletedWithServiceIdentityRemoveRecords() {
        try (LocalDynamoDb db = LocalDynamoDb.builder()
                        .ttlSweepInterval(java.time.Duration.ZERO)
                        .start();
                DynamoDbClient c = Clients.dynamo(db);
                DynamoDbStreamsClient sc = Clients.streams(db)) {
            client = c;
            streams = sc;
            String t = streamTable(StreamViewType.NEW_AND_OLD_IMAGES);
            client.updateTimeToLive(b -> b.tableName(t)
                    .timeToLiveSpecification(s -> s.attributeName("expires").enabled(true)));
            long now = System.currentTimeMillis() / 1000;
            client.putItem(b -> b.tableName(t).item(item("pk", "old", "expires", now - 10)));
            client.putItem(b -> b.tableName(t).item(item("pk", "fresh", "expires", now + 3600)));
            client.putItem(b -> b.tableName(t).item(item("pk", "text", "expires", "not a number")));

            int removed = db.expireTtlNow();

            assertThat(removed).isEqualTo(1);
            assertThat(client.getItem(b -> b.tableName(t).key(item("pk", "old")))
                            .hasItem())
                    .isFalse();
            assertThat(client.getItem(b -> b.tableName(t).key(item("pk", "fresh")))
                            .hasItem())
                    .isTrue();
            Record remove = records(t, ShardIteratorType.TRIM_HORIZON, null).get(3);
            assertThat(remove.eventNameAsString()).isEqualTo("REMOVE");
            assertThat(remove.userIdentity().type()).isEqualTo("Service");
            assertThat(remove.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
            assertThat(remove.dynamodb().oldImage()).containsEntry("pk", s("old"));
            assertThat(client.describeTimeToLive(b -> b.tableName(t))
                            .timeToLiveDescription()
                            .timeToLiveStatus())
                    .isEqualTo(TimeToLiveStatus.ENABLED);
        }
    }

    @Test
    void ttl_backgroundSweeper_deletesExpiredItemsWithoutBeingAsked() throws InterruptedException {
        try (LocalDynamoDb db = LocalDynamoDb.builder()
                        .ttlSweepInterval(java.time.Duration.ofMillis(50))
                        .start();
                DynamoDbClient c = Clients.dynamo(db)) {
            String t = Fixtures.table(c, false);
            c.updateTimeToLive(b -> b.tableName(t)
                    .timeToLiveSpecification(s -> s.attributeName("exp").enabled(true)));
            c.putItem(b -> b.tableName(t).item(item("pk", "gone", "exp", System.currentTimeMillis() / 1000 - 1)));
            long deadline = System.currentTimeMillis() + 5000;
            while (c.getItem(b -> b.tableName(t).key(item("pk", "gone"))).hasItem()
                    && System.currentTimeMillis() < deadline) Thread.sleep(20);

            assertThat(c.getItem(b -> b.tableName(t).key(item("pk", "gone"))).hasItem())
                    .isFalse();
        }
    }

    @Test
    void updateTimeToLive_enableTwice_isValidationError() {
        String t = streamTable(StreamViewType.KEYS_ONLY);
        client.updateTimeToLive(b -> b.tableName(t)
                .timeToLiveSpecification(s -> s.attributeName("exp").enabled(true)));

        assertThatThrownBy(() -> client.updateTimeToLive(b -> b.tableName(t)
                        .timeToLiveSpecification(s -> s.attributeName("exp").enabled(true))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("TimeToLive is already enabled");
    }
}
