package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.n;
import static dev.bricks.local.dynamodb.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Key limits, index reads, stream paging and the shared extension. */
class MoreEdgesTest {
    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.shared();

    final DynamoDbClient client = DYNAMO.client();

    @Test
    void putItem_partitionKeyOver2048Bytes_isRejected() {
        String t = Fixtures.table(client, true);
        assertThatThrownBy(() -> client.putItem(b -> b.tableName(t).item(item("pk", "k".repeat(2049), "sk", "1"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Size of hashkey has exceeded the maximum size limit of2048 bytes");
        assertThatThrownBy(() -> client.putItem(b -> b.tableName(t).item(item("pk", "k", "sk", "s".repeat(1025)))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        client.putItem(b -> b.tableName(t).item(item("pk", "k".repeat(2048), "sk", "s".repeat(1024))));
    }

    @Test
    void updateItem_conditionFailure_returnsOldItemWhenAsked() {
        String t = Fixtures.table(client, false);
        client.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));

        assertThatThrownBy(() -> client.updateItem(b -> b.tableName(t)
                        .key(item("pk", "a"))
                        .updateExpression("SET v = :two")
                        .conditionExpression("v = :two")
                        .expressionAttributeValues(Map.of(":two", n(2)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(
                        ConditionalCheckFailedException.class,
                        e -> assertThat(e.item()).isEqualTo(item("pk", "a", "v", 1)));
    }

    @Test
    void scanAndQuery_onIndexes_followProjectionsAndSelect() {
        String t = Fixtures.uniqueName("idx");
        client.createTable(b -> b.tableName(t)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk"), def("sk"), def("g"), def("l"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("gsi")
                        .keySchema(key("g", KeyType.HASH))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.KEYS_ONLY)
                                .build())
                        .build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName("lsi")
                        .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.KEYS_ONLY)
                                .build())
                        .build()));
        client.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "1", "g", "G", "l", "L1", "extra", "x")));
        client.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "2", "extra", "y")));

        var gsiScan = client.scan(b -> b.tableName(t).indexName("gsi"));
        var lsiAll = client.query(b -> b.tableName(t)
                .indexName("lsi")
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("a")))
                .select(Select.ALL_ATTRIBUTES));

        assertThat(gsiScan.items()).containsExactly(item("pk", "a", "sk", "1", "g", "G"));
        assertThat(lsiAll.items()).containsExactly(item("pk", "a", "sk", "1", "g", "G", "l", "L1", "extra", "x"));
        assertThatThrownBy(() -> client.query(b -> b.tableName(t)
                        .indexName("gsi")
                        .consistentRead(true)
                        .keyConditionExpression("g = :g")
                        .expressionAttributeValues(Map.of(":g", s("G")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Consistent reads are not supported on global secondary indexes");
    }

    @Test
    void getRecords_limitAndListStreamsPaging_work() {
        DynamoDbStreamsClient streams = DYNAMO.streamsClient();
        String t = Fixtures.uniqueName("sp");
        client.createTable(b -> b.tableName(t)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk"))
                .keySchema(key("pk", KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY)));
        for (int i = 0; i < 5; i++) {
            int k = i;
            client.putItem(b -> b.tableName(t).item(item("pk", "k" + k)));
        }
        String arn = client.describeTable(b -> b.tableName(t)).table().latestStreamArn();
        String shard = streams.describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards()
                .get(0)
                .shardId();
        String it = streams.getShardIterator(
                        b -> b.streamArn(arn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                .shardIterator();

        var first = streams.getRecords(b -> b.shardIterator(it).limit(2));
        var rest = streams.getRecords(
                b -> b.shardIterator(first.nextShardIterator()).limit(10));

        assertThat(first.records()).hasSize(2);
        assertThat(rest.records()).hasSize(3);
        var page = streams.listStreams(b -> b.limit(1));
        assertThat(page.streams()).hasSize(1);
        assertThat(streams.listStreams(b -> b.exclusiveStartStreamArn(page.lastEvaluatedStreamArn()))
                        .streams())
                .noneMatch(s -> s.streamArn().equals(page.lastEvaluatedStreamArn()));
    }

    @Test
    void updateTable_billingModeSwitch_showsInDescribeTable() {
        String t = Fixtures.table(client, false);
        client.updateTable(b -> b.tableName(t)
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L)));

        var d = client.describeTable(b -> b.tableName(t)).table();
        assertThat(d.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(d.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
        assertThat(d.billingModeSummary()).isNull();
        assertThatThrownBy(() -> client.updateTable(b -> b.tableName(t)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("At least one of");
    }

    @Test
    void deleteItem_conditionFailure_returnsOldItemWhenAsked() {
        String t = Fixtures.table(client, false);
        client.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)));

        assertThatThrownBy(() -> client.deleteItem(b -> b.tableName(t)
                        .key(item("pk", "a"))
                        .conditionExpression("attribute_not_exists(v)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(
                        ConditionalCheckFailedException.class,
                        e -> assertThat(e.item()).isEqualTo(item("pk", "a", "v", 1)));
        assertThat(client.getItem(b -> b.tableName(t).key(item("pk", "a"))).hasItem())
                .isTrue();
    }

    @Test
    void sharedExtension_handsOutTheSameEngineToEveryCaller() {
        assertThat(DYNAMO.engine()).isSameAs(DYNAMO.engine());
        assertThat(DYNAMO.client()).isSameAs(client);
    }

    @Test
    void builder_invalidOptions_failFastNamingTheValue() {
        assertThatThrownBy(() -> LocalDynamoDb.builder().port(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
        assertThatThrownBy(() -> LocalDynamoDb.builder().threads(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> LocalDynamoDb.builder().ttlSweepInterval(java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PT-1S");
    }

    static AttributeDefinition def(String n) {
        return AttributeDefinition.builder()
                .attributeName(n)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    static KeySchemaElement key(String n, KeyType t) {
        return KeySchemaElement.builder().attributeName(n).keyType(t).build();
    }

    static AttributeValue unused() {
        return s("x");
    }
}
