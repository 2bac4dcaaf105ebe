package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.n;
import static dev.bricks.local.dynamodb.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryScanTest {
    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    static DynamoDbClient client;
    static final String TABLE = "orders";

    @BeforeAll
    static void data() {
        client = DYNAMO.client();
        client.createTable(b -> b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        def("pk", ScalarAttributeType.S),
                        def("sk", ScalarAttributeType.N),
                        def("gpk", ScalarAttributeType.S),
                        def("lsk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("byG")
                        .keySchema(key("gpk", KeyType.HASH), key("sk", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("color")
                                .build())
                        .build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName("byL")
                        .keySchema(key("pk", KeyType.HASH), key("lsk", KeyType.RANGE))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.KEYS_ONLY)
                                .build())
                        .build()));
        for (int i = 0; i < 30; i++) {
            int k = i;
            Map<String, AttributeValue> it = item(
                    "pk",
                    "u1",
                    "sk",
                    k,
                    "color",
                    k % 2 == 0 ? "red" : "blue",
                    "size",
                    k,
                    "lsk",
                    String.format("l%02d", 29 - k));
            if (k < 10) it.put("gpk", s("g"));
            client.putItem(b -> b.tableName(TABLE).item(it));
        }
        client.putItem(b -> b.tableName(TABLE).item(item("pk", "u2", "sk", 1, "color", "red")));
    }

    static AttributeDefinition def(String n, ScalarAttributeType t) {
        return AttributeDefinition.builder().attributeName(n).attributeType(t).build();
    }

    static KeySchemaElement key(String n, KeyType t) {
        return KeySchemaElement.builder().attributeName(n).keyType(t).build();
    }

    static List<Integer> sks(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> Integer.parseInt(i.get("sk").n())).toList();
    }

    @Test
    void query_betweenDescending_returnsRangeInReverseOrder() {
        QueryResponse r = client.query(b -> b.tableName(TABLE)
                .keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
                .expressionAttributeValues(Map.of(":p", s("u1"), ":a", n(3), ":b", n(6)))
                .scanIndexForward(false));

        assertThat(sks(r.items())).containsExactly(6, 5, 4, 3);
        assertThat(r.count()).isEqualTo(4);
        assertThat(r.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void query_comparators_selectTheRightSortKeys() {
        assertThat(sks(q("sk < :v", 2))).containsExactly(0, 1);
        assertThat(sks(q("sk <= :v", 2))).containsExactly(0, 1, 2);
        assertThat(sks(q("sk > :v", 27))).containsExactly(28, 29);
        assertThat(sks(q("sk >= :v", 28))).containsExactly(28, 29);
        assertThat(sks(q("sk = :v", 7))).containsExactly(7);
    }

    private List<Map<String, AttributeValue>> q(String sortCond, int v) {
        return client.query(b -> b.tableName(TABLE)
                        .keyConditionExpression("pk = :p AND " + sortCond)
                        .expressionAttributeValues(Map.of(":p", s("u1"), ":v", n(v))))
                .items();
    }

    @Test
    void query_limitAndExclusiveStartKey_pagesThroughEverything() {
        List<Integer> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> esk = start;
            QueryResponse r = client.query(b -> b.tableName(TABLE)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("u1")))
                    .limit(7)
                    .exclusiveStartKey(esk));
            all.addAll(sks(r.items()));
            start = r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);

        assertThat(all).hasSize(30).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void query_filterAndCount_countsMatchesAndScanned() {
        QueryResponse r = client.query(b -> b.tableName(TABLE)
                .keyConditionExpression("pk = :p")
                .filterExpression("color = :c AND #s >= :min")
                .expressionAttributeNames(Map.of("#s", "size"))
                .expressionAttributeValues(Map.of(":p", s("u1"), ":c", s("red"), ":min", n(20)))
                .select(Select.COUNT));

        assertThat(r.count()).isEqualTo(5);
        assertThat(r.scannedCount()).isEqualTo(30);
        assertThat(r.items()).isEmpty();
    }

    @Test
    void query_gsiWithIncludeProjection_returnsProjectedAttributesOnly() {
        QueryResponse r = client.query(b -> b.tableName(TABLE)
                .indexName("byG")
                .keyConditionExpression("gpk = :g AND sk < :three")
                .expressionAttributeValues(Map.of(":g", s("g"), ":three", n(3))));

        assertThat(r.items()).hasSize(3);
        assertThat(r.items().get(0).keySet()).containsExactlyInAnyOrder("pk", "sk", "gpk", "color");
    }

    @Test
    void query_lsiKeysOnly_ordersByIndexSortKey() {
        QueryResponse r = client.query(b -> b.tableName(TABLE)
                .indexName("byL")
                .keyConditionExpression("pk = :p AND begins_with(lsk, :pre)")
                .expressionAttributeValues(Map.of(":p", s("u1"), ":pre", s("l0")))
                .limit(3));

        assertThat(r.items()).extracting(i -> i.get("lsk").s()).containsExactly("l00", "l01", "l02");
        assertThat(r.items().get(0).keySet()).containsExactlyInAnyOrder("pk", "sk", "lsk");
        assertThat(r.lastEvaluatedKey().keySet()).containsExactlyInAnyOrder("pk", "sk", "lsk");
    }

    @Test
    void query_gsiSelectAllAttributes_isRejected() {
        assertThatThrownBy(() -> client.query(b -> b.tableName(TABLE)
                        .indexName("byG")
                        .keyConditionExpression("gpk = :g")
                        .expressionAttributeValues(Map.of(":g", s("g")))
                        .select(Select.ALL_ATTRIBUTES)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("projection type is not ALL");
    }

    @Test
    void query_keyConditionOnNonKey_isRejected() {
        assertThatThrownBy(() -> client.query(b -> b.tableName(TABLE)
                        .keyConditionExpression("color = :c")
                        .expressionAttributeValues(Map.of(":c", s("red")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Query condition missed key schema element: pk");
    }

    @Test
    void query_filterOnTableKey_isRejectedWithDynamoDbsMessage() {
        assertThatThrownBy(() -> client.query(b -> b.tableName(TABLE)
                        .keyConditionExpression("pk = :p")
                        .filterExpression("color = :c AND sk > :n")
                        .expressionAttributeValues(Map.of(":p", s("u1"), ":c", s("red"), ":n", n(3)))))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk"));
        assertThatThrownBy(() -> client.query(b -> b.tableName(TABLE)
                        .keyConditionExpression("pk = :p")
                        .filterExpression("size(#p) > :n")
                        .expressionAttributeNames(Map.of("#p", "pk"))
                        .expressionAttributeValues(Map.of(":p", s("u1"), ":n", n(0)))))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "Filter Expression can only contain non-primary key attributes: Primary key attribute: pk"));
    }

    @Test
    void query_filterOnIndexKey_isRejectedButTableKeyOfAnIndexIsNot() {
        assertThatThrownBy(() -> client.query(b -> b.tableName(TABLE)
                        .indexName("byL")
                        .keyConditionExpression("pk = :p")
                        .filterExpression("lsk > :l")
                        .expressionAttributeValues(Map.of(":p", s("u1"), ":l", s("l20")))))
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "Filter Expression can only contain non-primary key attributes: Primary key attribute: lsk"));
        QueryResponse r = client.query(b -> b.tableName(TABLE)
                .indexName("byG")
                .keyConditionExpression("gpk = :g")
                .filterExpression("color = :c")
                .expressionAttributeValues(Map.of(":g", s("g"), ":c", s("red"))));
        assertThat(r.count()).isEqualTo(5);
        QueryResponse byTableKey = client.query(b -> b.tableName(TABLE)
                .indexName("byL")
                .keyConditionExpression("pk = :p")
                .filterExpression("sk < :n")
                .expressionAttributeValues(Map.of(":p", s("u1"), ":n", n(3))));
        assertThat(byTableKey.count()).isEqualTo(3);
    }

    @Test
    void scan_filterOnKeyAttributes_isAllowed() {
        ScanResponse r = client.scan(b -> b.tableName(TABLE)
                .filterExpression("pk = :p AND sk < :n")
                .expressionAttributeValues(Map.of(":p", s("u1"), ":n", n(4))));
        assertThat(r.count()).isEqualTo(4);
    }

    @Test
    void scan_segments_partitionTheTableWithoutOverlap() {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int seg = 0; seg < 3; seg++) {
            int segment = seg;
            ScanResponse r =
                    client.scan(b -> b.tableName(TABLE).segment(segment).totalSegments(3));
            for (Map<String, AttributeValue> i : r.items())
                seen.add(i.get("pk").s() + "/" + i.get("sk").n());
            total += r.count();
        }
        assertThat(total).isEqualTo(31);
        assertThat(seen).hasSize(31);
    }

    @Test
    void scan_paginatorWithFilter_visitsEveryItemOnce() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.scanPaginator(b -> b.tableName(TABLE)
                        .limit(4)
                        .filterExpression("color = :c")
                        .expressionAttributeValues(Map.of(":c", s("red"))))
                .items()
                .forEach(items::add);

        assertThat(items).hasSize(16);
    }

    @Test
    void scan_onePageIsAtMostOneMegabyte() {
        String big = "x".repeat(300 * 1024);
        String t = Fixtures.table(client, false);
        for (int i = 0; i < 5; i++) {
            int k = i;
            client.putItem(b -> b.tableName(t).item(item("pk", "k" + k, "blob", big)));
        }
        ScanResponse first = client.scan(b -> b.tableName(t));

        assertThat(first.count()).isEqualTo(4);
        assertThat(first.hasLastEvaluatedKey()).isTrue();
        ScanResponse second = client.scan(b -> b.tableName(t).exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(second.count()).isEqualTo(1);
        assertThat(second.hasLastEvaluatedKey()).isFalse();
    }
}
