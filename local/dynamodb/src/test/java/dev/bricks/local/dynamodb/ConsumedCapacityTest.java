package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** ConsumedCapacity with the INDEXES breakdown, for item, batch and transaction operations; projected index sizes. */
class ConsumedCapacityTest {
    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    static DynamoDbClient client;
    static final String TABLE = "capacity";
    /** A 10 KB attribute that no index projects. */
    static final String BIG = "x".repeat(10 * 1024);

    @BeforeAll
    static void table() {
        client = DYNAMO.client();
        client.createTable(b -> b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        def("pk", ScalarAttributeType.S),
                        def("sk", ScalarAttributeType.S),
                        def("g", ScalarAttributeType.S),
                        def("l", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("byG")
                        .keySchema(key("g", KeyType.HASH))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("color")
                                .build())
                        .build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName("byL")
                        .keySchema(key("pk", KeyType.HASH), key("l", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.KEYS_ONLY)
                                .build())
                        .build()));
    }

    static AttributeDefinition def(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static Map<String, AttributeValue> big(String pk, String sk, String g) {
        Map<String, AttributeValue> it = item("pk", pk, "sk", sk, "l", "l-" + sk, "color", "red", "big", BIG);
        if (g != null) {
            it.put("g", s(g));
        }
        return it;
    }

    @Test
    void putItem_indexes_breaksDownTableAndEachIndexWrittenToo() {
        ConsumedCapacity c = client.putItem(b -> b.tableName(TABLE)
                        .item(big("put", "1", "g1"))
                        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
        assertThat(c.tableName()).isEqualTo(TABLE);
        assertThat(c.table().capacityUnits()).isEqualTo(11.0); // 10 KB + keys → 11 started KB
        assertThat(c.globalSecondaryIndexes().get("byG").capacityUnits()).isEqualTo(1.0); // projected entry < 1 KB
        assertThat(c.localSecondaryIndexes().get("byL").capacityUnits()).isEqualTo(1.0);
        assertThat(c.capacityUnits()).isEqualTo(13.0);

        ConsumedCapacity sparse = client.putItem(b -> b.tableName(TABLE)
                        .item(big("put", "2", null))
                        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
        assertThat(sparse.globalSecondaryIndexes()).as("no g: not in byG").isEmpty();
        assertThat(sparse.capacityUnits()).isEqualTo(12.0);

        ConsumedCapacity total = client.putItem(b -> b.tableName(TABLE)
                        .item(big("put", "3", "g1"))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity();
        assertThat(total.capacityUnits()).isEqualTo(13.0);
        assertThat(total.table()).isNull();
    }

    @Test
    void updateItem_indexes_chargesAnIndexOnlyWhenItsEntryChanges() {
        client.putItem(b -> b.tableName(TABLE).item(big("upd", "1", "g1")));
        ConsumedCapacity notProjected = client.updateItem(b -> b.tableName(TABLE)
                        .key(item("pk", "upd", "sk", "1"))
                        .updateExpression("SET note = :v")
                        .expressionAttributeValues(Map.of(":v", s("x")))
                        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
        assertThat(notProjected.globalSecondaryIndexes()).isEmpty();
        assertThat(notProjected.localSecondaryIndexes()).isEmpty();
        assertThat(notProjected.capacityUnits()).isEqualTo(11.0);

        ConsumedCapacity projected = client.updateItem(b -> b.tableName(TABLE)
                        .key(item("pk", "upd", "sk", "1"))
                        .updateExpression("SET color = :v")
                        .expressionAttributeValues(Map.of(":v", s("blue")))
                        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
        assertThat(projected.globalSecondaryIndexes().get("byG").capacityUnits())
                .isEqualTo(1.0);
        assertThat(projected.localSecondaryIndexes())
                .as("KEYS_ONLY does not hold color")
                .isEmpty();

        ConsumedCapacity keyMoved = client.updateItem(b -> b.tableName(TABLE)
                        .key(item("pk", "upd", "sk", "1"))
                        .updateExpression("SET g = :v")
                        .expressionAttributeValues(Map.of(":v", s("g2")))
                        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
        assertThat(keyMoved.globalSecondaryIndexes().get("byG").capacityUnits())
                .as("delete + put")
                .isEqualTo(2.0);
    }

    @Test
    void query_onIndex_readsProjectedEntriesAndChargesTheIndex() {
        for (int i = 0; i < 4; i++) {
            int k = i;
            client.putItem(b -> b.tableName(TABLE).item(big("q", Integer.toString(k), "gq")));
        }
        ConsumedCapacity onTable = client.query(b -> b.tableName(TABLE)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("q")))
                        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
        assertThat(onTable.table().capacityUnits())
                .isEqualTo(5.5); // 4 × ~10.1 KB = 11 started 4 KB units, eventually consistent
        ConsumedCapacity onIndex = client.query(b -> b.tableName(TABLE)
                        .indexName("byG")
                        .keyConditionExpression("g = :g")
                        .expressionAttributeValues(Map.of(":g", s("gq")))
                        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity();
        assertThat(onIndex.table()).isNull();
        assertThat(onIndex.globalSecondaryIndexes().get("byG").capacityUnits()).isEqualTo(0.5);
        assertThat(onIndex.capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void describeTable_indexSizeBytes_countsProjectedEntriesPlusOverhead() {
        String table = "sizes";
        client.createTable(b -> b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("pk", ScalarAttributeType.S), def("g", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("byG")
                        .keySchema(key("g", KeyType.HASH))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.KEYS_ONLY)
                                .build())
                        .build()));
        client.putItem(b -> b.tableName(table).item(item("pk", "ab", "g", "cd", "big", BIG)));
        client.putItem(b -> b.tableName(table).item(item("pk", "ef", "big", BIG)));
        TableDescription d = client.describeTable(b -> b.tableName(table)).table();
        long entry = "pk".length() + "ab".length() + "g".length() + "cd".length(); // keys only
        assertThat(d.globalSecondaryIndexes().get(0).indexSizeBytes()).isEqualTo(entry + 100);
        assertThat(d.globalSecondaryIndexes().get(0).itemCount()).isEqualTo(1);
        assertThat(d.tableSizeBytes()).isEqualTo(2L * (2 + 2 + 3 + BIG.length()) + 1 + 2);
    }

    @Test
    void batchAndTransactions_reportOneEntryPerTable() {
        List<ConsumedCapacity> batchWrite = client.batchWriteItem(b -> b.returnConsumedCapacity(
                                ReturnConsumedCapacity.TOTAL)
                        .requestItems(Map.of(
                                TABLE,
                                List.of(
                                        WriteRequest.builder()
                                                .putRequest(PutRequest.builder()
                                                        .item(item("pk", "b", "sk", "1"))
                                                        .build())
                                                .build(),
                                        WriteRequest.builder()
                                                .putRequest(PutRequest.builder()
                                                        .item(item("pk", "b", "sk", "2"))
                                                        .build())
                                                .build()))))
                .consumedCapacity();
        assertThat(batchWrite).hasSize(1);
        assertThat(batchWrite.get(0).tableName()).isEqualTo(TABLE);
        assertThat(batchWrite.get(0).capacityUnits()).isEqualTo(2.0);

        List<ConsumedCapacity> batchGet = client.batchGetItem(b -> b.returnConsumedCapacity(
                                ReturnConsumedCapacity.TOTAL)
                        .requestItems(Map.of(
                                TABLE,
                                KeysAndAttributes.builder()
                                        .consistentRead(true)
                                        .keys(item("pk", "b", "sk", "1"), item("pk", "b", "sk", "2"))
                                        .build())))
                .consumedCapacity();
        assertThat(batchGet.get(0).capacityUnits()).isEqualTo(2.0);

        List<ConsumedCapacity> tx = client.transactWriteItems(b -> b.returnConsumedCapacity(
                                ReturnConsumedCapacity.INDEXES)
                        .transactItems(TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName(TABLE)
                                        .item(item("pk", "t", "sk", "1", "g", "gt"))
                                        .build())
                                .build()))
                .consumedCapacity();
        assertThat(tx).hasSize(1);
        assertThat(tx.get(0).table().capacityUnits())
                .as("transactional writes cost double")
                .isEqualTo(2.0);
        assertThat(tx.get(0).globalSecondaryIndexes().get("byG").capacityUnits())
                .isEqualTo(2.0);
        assertThat(tx.get(0).capacityUnits()).isEqualTo(4.0);

        List<ConsumedCapacity> txGet = client.transactGetItems(b -> b.returnConsumedCapacity(
                                ReturnConsumedCapacity.TOTAL)
                        .transactItems(TransactGetItem.builder()
                                .get(Get.builder()
                                        .tableName(TABLE)
                                        .key(item("pk", "t", "sk", "1"))
                                        .build())
                                .build()))
                .consumedCapacity();
        assertThat(txGet.get(0).capacityUnits()).isEqualTo(2.0);
    }
}
