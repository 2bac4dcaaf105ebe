package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.n;
import static dev.bricks.local.dynamodb.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Runs the same requests against this engine and against dynalite through the SDK and compares outcomes: the
 * response data for successes, the error type for failures. Error message differences are written to
 * {@code target/conformance-messages.txt} (DynamoDB's documented wording decides; see the README).
 */
class DynaliteConformanceTest {
    private static LocalDynamoDb ours;
    private static Dynalite dynalite;
    private static DynamoDbClient oursClient;
    private static DynamoDbClient theirClient;
    private static final List<String> MESSAGE_DIFFERENCES = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        dynalite = Dynalite.start();
        Assumptions.assumeTrue(dynalite != null, () -> Dynalite.unavailable);
        ours = LocalDynamoDb.start();
        oursClient = client(ours.endpoint());
        theirClient = client(dynalite.endpoint);
    }

    @AfterAll
    static void stop() throws Exception {
        if (oursClient != null) oursClient.close();
        if (theirClient != null) theirClient.close();
        if (ours != null) ours.close();
        if (dynalite != null) dynalite.close();
        if (!MESSAGE_DIFFERENCES.isEmpty()) {
            java.nio.file.Files.write(java.nio.file.Path.of("target", "conformance-messages.txt"), MESSAGE_DIFFERENCES);
        }
    }

    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    interface Scenario {
        Object run(DynamoDbClient c, String table);
    }

    record Outcome(String error, String message, String value) {}

    private static Outcome outcome(DynamoDbClient c, String table, Scenario s) {
        try {
            return new Outcome(null, null, String.valueOf(canon(s.run(c, table))));
        } catch (DynamoDbException e) {
            return new Outcome(
                    e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage(), null);
        }
    }

    /** Order-independent text of SDK values: maps sorted by key, sets sorted. */
    static Object canon(Object o) {
        if (o instanceof Map<?, ?> m) {
            TreeMap<String, Object> t = new TreeMap<>();
            m.forEach((k, v) -> t.put(String.valueOf(k), canon(v)));
            return t;
        }
        if (o instanceof List<?> l)
            return l.stream().map(DynaliteConformanceTest::canon).toList();
        if (o instanceof AttributeValue a) {
            return switch (a.type()) {
                case SS -> "SS" + new java.util.TreeSet<>(a.ss());
                case NS -> "NS" + new java.util.TreeSet<>(a.ns());
                case BS ->
                    "BS" + a.bs().stream().map(b -> b.asUtf8String()).sorted().toList();
                case M -> "M" + canon(a.m());
                case L -> "L" + canon(a.l());
                default -> a.toString();
            };
        }
        return o;
    }

    static String hashRange(DynamoDbClient c, String t) {
        c.createTable(b -> b.tableName(t)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("sk")
                                .attributeType(ScalarAttributeType.N)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("g")
                                .attributeType(ScalarAttributeType.S)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("sk")
                                .keyType(KeyType.RANGE)
                                .build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("byG")
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("g")
                                .keyType(KeyType.HASH)
                                .build())
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.KEYS_ONLY)
                                .build())
                        .build()));
        awaitActive(c, t);
        for (int i = 0; i < 10; i++) {
            int k = i;
            Map<String, AttributeValue> it = item("pk", "p", "sk", k, "v", k * 10, "tag", k % 2 == 0 ? "even" : "odd");
            if (k < 3) it.put("g", s("gg"));
            c.putItem(b -> b.tableName(t).item(it));
        }
        c.putItem(b -> b.tableName(t).item(item("pk", "q", "sk", 1)));
        return t;
    }

    /** DynamoDB (and dynalite) answer ResourceNotFoundException while a table is CREATING. */
    static void awaitActive(DynamoDbClient c, String t) {
        for (int i = 0; i < 200; i++) {
            if (c.describeTable(b -> b.tableName(t))
                    .table()
                    .tableStatusAsString()
                    .equals("ACTIVE")) return;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static Map<String, AttributeValue> key(int sk) {
        return item("pk", "p", "sk", sk);
    }

    static Object update(DynamoDbClient c, String t, String expr, Map<String, AttributeValue> values) {
        hashRange(c, t);
        return c.updateItem(b -> b.tableName(t)
                        .key(key(1))
                        .updateExpression(expr)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();
    }

    static Object condition(DynamoDbClient c, String t, String cond, Map<String, AttributeValue> values) {
        hashRange(c, t);
        return c.putItem(b -> b.tableName(t)
                        .item(key(1))
                        .conditionExpression(cond)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_OLD))
                .attributes();
    }

    static List<String> pages(QueryResponse r) {
        return List.of(
                String.valueOf(r.count()),
                String.valueOf(r.scannedCount()),
                String.valueOf(canon(r.items())),
                String.valueOf(r.hasLastEvaluatedKey() ? canon(r.lastEvaluatedKey()) : "none"));
    }

    /** Summaries (see {@link #pages}) of up to five query pages; page runs the query from an exclusive start key (null first). */
    static List<Object> queryPages(java.util.function.Function<Map<String, AttributeValue>, QueryResponse> page) {
        List<Object> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        for (int i = 0; i < 5; i++) {
            QueryResponse r = page.apply(start);
            out.add(pages(r));
            if (!r.hasLastEvaluatedKey()) break;
            start = r.lastEvaluatedKey();
        }
        return out;
    }

    /** Creates and waits for a table with a string hash key pk and a sort key sk of the given type, no indexes. */
    static void plainHashRange(DynamoDbClient c, String t, ScalarAttributeType sortKeyType) {
        c.createTable(b -> b.tableName(t)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType(ScalarAttributeType.S)
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("sk")
                                .attributeType(sortKeyType)
                                .build())
                .keySchema(
                        KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build(),
                        KeySchemaElement.builder()
                                .attributeName("sk")
                                .keyType(KeyType.RANGE)
                                .build()));
        awaitActive(c, t);
    }

    /**
     * Binary search for the largest size in [lo, hi] whose write succeeds; a write that is rejected with a
     * DynamoDbException counts as too large.
     */
    static int largestAccepted(int lo, int hi, java.util.function.IntConsumer write) {
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            try {
                write.accept(mid);
                lo = mid;
            } catch (DynamoDbException e) {
                hi = mid - 1;
            }
        }
        return lo;
    }

    static Stream<Arguments> scenarios() {
        Map<String, Scenario> s = new java.util.LinkedHashMap<>();
        s.put("describeTable_keysAndIndexes", (c, t) -> {
            hashRange(c, t);
            var d = c.describeTable(b -> b.tableName(t)).table();
            return List.of(
                    d.keySchema(),
                    d.attributeDefinitions().stream()
                            .map(Object::toString)
                            .sorted()
                            .toList(),
                    d.tableStatus(),
                    d.globalSecondaryIndexes().get(0).indexName(),
                    d.billingModeSummary().billingMode());
        });
        s.put("createTable_duplicate", (c, t) -> {
            hashRange(c, t);
            return hashRange(c, t);
        });
        s.put("describeTable_missing", (c, t) -> c.describeTable(b -> b.tableName(t + "-missing")));
        s.put(
                "createTable_unusedDefinition",
                (c, t) -> c.createTable(b -> b.tableName(t)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                                AttributeDefinition.builder()
                                        .attributeName("pk")
                                        .attributeType(ScalarAttributeType.S)
                                        .build(),
                                AttributeDefinition.builder()
                                        .attributeName("x")
                                        .attributeType(ScalarAttributeType.S)
                                        .build())
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("pk")
                                .keyType(KeyType.HASH)
                                .build())));
        s.put("listTables_limit", (c, t) -> {
            hashRange(c, t);
            hashRange(c, t + "b");
            return c.listTables(b -> b.exclusiveStartTableName(t).limit(1)).tableNames();
        });
        s.put("putGet_allTypes", (c, t) -> {
            hashRange(c, t);
            c.putItem(b -> b.tableName(t)
                    .item(item(
                            "pk",
                            "x",
                            "sk",
                            1,
                            "n",
                            n("0012.50"),
                            "neg",
                            n("-0.001e3"),
                            "big",
                            n("1e100"),
                            "ss",
                            AttributeValue.fromSs(List.of("b", "a")),
                            "ns",
                            AttributeValue.fromNs(List.of("2", "1.0")),
                            "bool",
                            AttributeValue.fromBool(false),
                            "nul",
                            AttributeValue.fromNul(true),
                            "m",
                            AttributeValue.fromM(item("l", AttributeValue.fromL(List.of(n(1), s("x"))))),
                            "empty",
                            "")));
            return c.getItem(b -> b.tableName(t).key(item("pk", "x", "sk", 1))).item();
        });
        s.put("getItem_projection", (c, t) -> {
            hashRange(c, t);
            c.putItem(b -> b.tableName(t)
                    .item(item(
                            "pk",
                            "x",
                            "sk",
                            1,
                            "m",
                            AttributeValue.fromM(item("a", "A", "b", "B")),
                            "l",
                            AttributeValue.fromL(List.of(s("0"), s("1"), s("2"))))));
            return c.getItem(b ->
                            b.tableName(t).key(item("pk", "x", "sk", 1)).projectionExpression("m.b, l[2], l[0], sk"))
                    .item();
        });
        s.put("getItem_keyMismatch", (c, t) -> {
            hashRange(c, t);
            return c.getItem(b -> b.tableName(t).key(item("pk", "p")));
        });
        s.put("getItem_keyWrongType", (c, t) -> {
            hashRange(c, t);
            return c.getItem(b -> b.tableName(t).key(item("pk", "p", "sk", "1")));
        });
        s.put("getItem_missingTable", (c, t) -> c.getItem(b -> b.tableName(t).key(item("pk", "p"))));
        s.put("putItem_missingKey", (c, t) -> {
            hashRange(c, t);
            return c.putItem(b -> b.tableName(t).item(item("pk", "p")));
        });
        s.put("putItem_emptySet", (c, t) -> {
            hashRange(c, t);
            return c.putItem(b -> b.tableName(t)
                    .item(item(
                            "pk",
                            "p",
                            "sk",
                            1,
                            "s",
                            AttributeValue.builder().ss(List.of()).build())));
        });
        s.put("putItem_duplicateSet", (c, t) -> {
            hashRange(c, t);
            return c.putItem(b ->
                    b.tableName(t).item(item("pk", "p", "sk", 1, "s", AttributeValue.fromNs(List.of("1", "1.0")))));
        });
        s.put("putItem_numberOverflow", (c, t) -> {
            hashRange(c, t);
            return c.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", 1, "n", n("1e126"))));
        });
        s.put("putItem_tooManyDigits", (c, t) -> {
            hashRange(c, t);
            return c.putItem(b ->
                    b.tableName(t).item(item("pk", "p", "sk", 1, "n", n("1234567890123456789012345678901234567891"))));
        });
        s.put("putItem_tooLarge", (c, t) -> {
            hashRange(c, t);
            return c.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", 1, "x", "x".repeat(400 * 1024))));
        });
        s.put("putItem_emptyKey", (c, t) -> {
            hashRange(c, t);
            return c.putItem(b -> b.tableName(t).item(item("pk", "", "sk", 1)));
        });
        s.put("putItem_gsiKeyWrongType", (c, t) -> {
            hashRange(c, t);
            return c.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", 1, "g", n(1))));
        });
        s.put(
                "putItem_conditionHolds",
                (c, t) -> condition(c, t, "attribute_exists(pk) AND v = :v", Map.of(":v", n(10))));
        s.put("putItem_conditionFails", (c, t) -> condition(c, t, "attribute_not_exists(pk)", null));
        s.put(
                "condition_between_in_functions",
                (c, t) -> condition(
                        c,
                        t,
                        "v BETWEEN :a AND :b AND tag IN (:x, :odd) AND begins_with(tag, :o) AND contains(tag, :d) AND size(tag) = :three AND attribute_type(v, :N)",
                        Map.of(
                                ":a", n(5), ":b", n(10), ":x", s("x"), ":odd", s("odd"), ":o", s("o"), ":d", s("d"),
                                ":three", n(3), ":N", s("N"))));
        s.put(
                "condition_notOrPrecedence",
                (c, t) ->
                        condition(c, t, "NOT v = :v OR tag = :odd AND v < :v", Map.of(":v", n(10), ":odd", s("odd"))));
        s.put("condition_reservedWord", (c, t) -> condition(c, t, "attribute_exists(name)", null));
        s.put("condition_undefinedValue", (c, t) -> condition(c, t, "v = :nope", Map.of(":v", n(1))));
        s.put("condition_unusedValue", (c, t) -> condition(c, t, "attribute_exists(v)", Map.of(":v", n(1))));
        s.put("condition_syntaxError", (c, t) -> condition(c, t, "v = = :v", Map.of(":v", n(1))));
        s.put("condition_badFunction", (c, t) -> condition(c, t, "nope(v)", null));
        s.put(
                "condition_betweenReversed",
                (c, t) -> condition(c, t, "v BETWEEN :b AND :a", Map.of(":a", n(1), ":b", n(5))));
        s.put(
                "update_setArithmeticAndFunctions",
                (c, t) -> update(
                        c,
                        t,
                        "SET v = v + :one, w = if_not_exists(w, :z), l = list_append(if_not_exists(l, :empty), :l), m = :m, m.x = :one",
                        Map.of(
                                ":one",
                                n(1),
                                ":z",
                                n(0),
                                ":empty",
                                AttributeValue.fromL(List.of()),
                                ":l",
                                AttributeValue.fromL(List.of(s("a"))),
                                ":m",
                                AttributeValue.fromM(Map.of()))));
        s.put(
                "update_removeAddDelete",
                (c, t) -> update(
                        c,
                        t,
                        "REMOVE tag ADD v :one, s :s DELETE t :t",
                        Map.of(
                                ":one",
                                n(1),
                                ":s",
                                AttributeValue.fromSs(List.of("a")),
                                ":t",
                                AttributeValue.fromSs(List.of("zz")))));
        s.put("update_keyAttribute", (c, t) -> update(c, t, "SET pk = :v", Map.of(":v", s("x"))));
        s.put("update_overlap", (c, t) -> update(c, t, "SET v = :v REMOVE v", Map.of(":v", s("x"))));
        s.put("update_addString", (c, t) -> update(c, t, "ADD v :v", Map.of(":v", s("x"))));
        s.put("update_missingOperand", (c, t) -> update(c, t, "SET v = nope + :v", Map.of(":v", n(1))));
        s.put("update_wrongOperandType", (c, t) -> update(c, t, "SET v = tag + :v", Map.of(":v", n(1))));
        s.put("update_invalidPath", (c, t) -> update(c, t, "SET nope.x = :v", Map.of(":v", n(1))));
        s.put("update_returnUpdatedOld", (c, t) -> {
            hashRange(c, t);
            return c.updateItem(b -> b.tableName(t)
                            .key(key(2))
                            .updateExpression("SET v = :v, newattr = :v")
                            .expressionAttributeValues(Map.of(":v", n(7)))
                            .returnValues(ReturnValue.UPDATED_OLD))
                    .attributes();
        });
        s.put("update_returnUpdatedNew", (c, t) -> {
            hashRange(c, t);
            return c.updateItem(b -> b.tableName(t)
                            .key(key(2))
                            .updateExpression("SET v = :v REMOVE tag")
                            .expressionAttributeValues(Map.of(":v", n(7)))
                            .returnValues(ReturnValue.UPDATED_NEW))
                    .attributes();
        });
        s.put("update_createsMissingItem", (c, t) -> update(c, t, "SET newattr = :v", Map.of(":v", n(1))));
        s.put("delete_allOld", (c, t) -> {
            hashRange(c, t);
            return List.of(
                    c.deleteItem(b -> b.tableName(t).key(key(3)).returnValues(ReturnValue.ALL_OLD))
                            .attributes(),
                    c.getItem(b -> b.tableName(t).key(key(3))).hasItem());
        });
        s.put("query_operatorsAndOrder", (c, t) -> {
            hashRange(c, t);
            List<Object> out = new ArrayList<>();
            for (String kc : List.of("sk < :v", "sk <= :v", "sk > :v", "sk >= :v", "sk = :v", "sk BETWEEN :v AND :w")) {
                for (boolean fwd : List.of(true, false)) {
                    out.add(c
                            .query(b -> b.tableName(t)
                                    .keyConditionExpression("pk = :p AND " + kc)
                                    .scanIndexForward(fwd)
                                    .expressionAttributeValues(
                                            kc.contains(":w")
                                                    ? Map.of(":p", s("p"), ":v", n(4), ":w", n(6))
                                                    : Map.of(":p", s("p"), ":v", n(4))))
                            .items()
                            .stream()
                            .map(i -> i.get("sk").n())
                            .toList());
                }
            }
            return out;
        });
        s.put("query_limitPaging", (c, t) -> {
            hashRange(c, t);
            return queryPages(esk -> c.query(b -> b.tableName(t)
                    .keyConditionExpression("pk = :p")
                    .limit(5)
                    .exclusiveStartKey(esk)
                    .expressionAttributeValues(Map.of(":p", s("p")))));
        });
        s.put("query_descendingPaging", (c, t) -> {
            hashRange(c, t);
            return queryPages(esk -> c.query(b -> b.tableName(t)
                    .keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
                    .limit(3)
                    .scanIndexForward(false)
                    .exclusiveStartKey(esk)
                    .expressionAttributeValues(Map.of(":p", s("p"), ":a", n(2), ":b", n(8)))));
        });
        s.put("scan_gsiWithLimit", (c, t) -> {
            hashRange(c, t);
            ScanResponse r = c.scan(b -> b.tableName(t).indexName("byG").limit(2));
            ScanResponse r2 = c.scan(b -> b.tableName(t).indexName("byG").exclusiveStartKey(r.lastEvaluatedKey()));
            return List.of(
                    r.count(),
                    r.lastEvaluatedKey().keySet().stream().sorted().toList(),
                    r2.count(),
                    r2.hasLastEvaluatedKey());
        });
        s.put("query_filterCountProjection", (c, t) -> {
            hashRange(c, t);
            return List.of(
                    pages(c.query(b -> b.tableName(t)
                            .keyConditionExpression("pk = :p")
                            .filterExpression("tag = :e")
                            .expressionAttributeValues(Map.of(":p", s("p"), ":e", s("even")))
                            .select(Select.COUNT))),
                    pages(c.query(b -> b.tableName(t)
                            .keyConditionExpression("pk = :p")
                            .filterExpression("tag = :e")
                            .limit(4)
                            .projectionExpression("sk, v")
                            .expressionAttributeValues(Map.of(":p", s("p"), ":e", s("even"))))));
        });
        s.put("query_filterOnHashKey", (c, t) -> {
            hashRange(c, t);
            return c.query(b -> b.tableName(t)
                    .keyConditionExpression("pk = :p")
                    .filterExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p"))));
        });
        s.put("query_filterOnRangeKeyInFunction", (c, t) -> {
            hashRange(c, t);
            return c.query(b -> b.tableName(t)
                    .keyConditionExpression("pk = :p")
                    .filterExpression("tag = :e OR attribute_exists(#s)")
                    .expressionAttributeNames(Map.of("#s", "sk"))
                    .expressionAttributeValues(Map.of(":p", s("p"), ":e", s("even"))));
        });
        s.put("query_indexFilterOnIndexKey", (c, t) -> {
            hashRange(c, t);
            return c.query(b -> b.tableName(t)
                    .indexName("byG")
                    .keyConditionExpression("g = :g")
                    .filterExpression("size(g) > :n")
                    .expressionAttributeValues(Map.of(":g", s("gg"), ":n", n(0))));
        });
        s.put("query_indexFilterOnTableKey", (c, t) -> {
            hashRange(c, t);
            return c
                    .query(b -> b.tableName(t)
                            .indexName("byG")
                            .keyConditionExpression("g = :g")
                            .filterExpression("sk > :n")
                            .expressionAttributeValues(Map.of(":g", s("gg"), ":n", n(0))))
                    .items()
                    .stream()
                    .map(i -> i.get("sk").n())
                    .sorted()
                    .toList();
        }); // equal index keys: order unspecified
        s.put("scan_filterOnKeys", (c, t) -> {
            hashRange(c, t);
            return c.scan(b -> b.tableName(t)
                            .filterExpression("pk = :p AND sk > :n")
                            .expressionAttributeValues(Map.of(":p", s("p"), ":n", n(6))))
                    .items();
        });
        s.put("query_beginsWithOnNumber", (c, t) -> {
            hashRange(c, t);
            return c.query(b -> b.tableName(t)
                    .keyConditionExpression("pk = :p AND begins_with(sk, :v)")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":v", n(1))));
        });
        s.put("query_missingHashKey", (c, t) -> {
            hashRange(c, t);
            return c.query(b ->
                    b.tableName(t).keyConditionExpression("sk = :v").expressionAttributeValues(Map.of(":v", n(1))));
        });
        s.put("query_orInKeyCondition", (c, t) -> {
            hashRange(c, t);
            return c.query(b -> b.tableName(t)
                    .keyConditionExpression("pk = :p OR sk = :v")
                    .expressionAttributeValues(Map.of(":p", s("p"), ":v", n(1))));
        });
        s.put("query_gsiKeysOnly", (c, t) -> {
            hashRange(c, t);
            return c
                    .query(b -> b.tableName(t)
                            .indexName("byG")
                            .keyConditionExpression("g = :g")
                            .expressionAttributeValues(Map.of(":g", s("gg"))))
                    .items()
                    .stream()
                    .map(i -> String.valueOf(canon(i)))
                    .sorted()
                    .toList();
        }); // order inside a GSI partition is unspecified
        s.put("query_unknownIndex", (c, t) -> {
            hashRange(c, t);
            return c.query(b -> b.tableName(t)
                    .indexName("nope")
                    .keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", s("gg"))));
        });
        s.put("scan_filterAndPaging", (c, t) -> {
            hashRange(c, t);
            List<Map<String, AttributeValue>> all = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            int pages = 0;
            do {
                Map<String, AttributeValue> esk = start;
                ScanResponse r = c.scan(b -> b.tableName(t)
                        .limit(4)
                        .exclusiveStartKey(esk)
                        .filterExpression("v >= :v")
                        .expressionAttributeValues(Map.of(":v", n(30))));
                all.addAll(r.items());
                start = r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null;
                pages++;
            } while (start != null);
            return List.of(
                    pages,
                    all.stream().map(i -> String.valueOf(canon(i))).sorted().toList());
        });
        s.put("scan_segmentsCoverTable", (c, t) -> {
            hashRange(c, t);
            int total = 0;
            for (int seg = 0; seg < 4; seg++) {
                int sg = seg;
                total +=
                        c.scan(b -> b.tableName(t).segment(sg).totalSegments(4)).count();
            }
            return total;
        });
        s.put("scan_segmentOutOfRange", (c, t) -> {
            hashRange(c, t);
            return c.scan(b -> b.tableName(t).segment(4).totalSegments(4));
        });
        s.put("batch_writeThenGet", (c, t) -> {
            hashRange(c, t);
            c.batchWriteItem(b -> b.requestItems(Map.of(
                    t,
                    List.of(
                            WriteRequest.builder()
                                    .putRequest(PutRequest.builder()
                                            .item(item("pk", "b", "sk", 1, "x", "y"))
                                            .build())
                                    .build(),
                            WriteRequest.builder()
                                    .deleteRequest(d -> d.key(key(1)))
                                    .build()))));
            var r = c.batchGetItem(b -> b.requestItems(Map.of(
                    t,
                    KeysAndAttributes.builder()
                            .keys(item("pk", "b", "sk", 1), key(1), key(2))
                            .build())));
            return List.of(
                    r.responses().get(t).stream()
                            .map(i -> String.valueOf(canon(i)))
                            .sorted()
                            .toList(),
                    r.unprocessedKeys());
        });
        s.put("batch_duplicateKeys", (c, t) -> {
            hashRange(c, t);
            return c.batchWriteItem(b -> b.requestItems(Map.of(
                    t,
                    List.of(
                            WriteRequest.builder()
                                    .putRequest(
                                            PutRequest.builder().item(key(1)).build())
                                    .build(),
                            WriteRequest.builder()
                                    .deleteRequest(d -> d.key(key(1)))
                                    .build()))));
        });
        s.put("update_listIndexesAndNestedMaps", (c, t) -> {
            hashRange(c, t);
            c.putItem(b -> b.tableName(t)
                    .item(item(
                            "pk",
                            "x",
                            "sk",
                            1,
                            "l",
                            AttributeValue.fromL(List.of(s("a"), s("b"), s("c"), s("d"))),
                            "m",
                            AttributeValue.fromM(item("inner", AttributeValue.fromM(item("v", 1)))))));
            return c.updateItem(b -> b.tableName(t)
                            .key(item("pk", "x", "sk", 1))
                            .updateExpression(
                                    "SET l[10] = :z, m.inner.w = :one, m.inner.v = m.inner.v + :one REMOVE l[0], l[2]")
                            .expressionAttributeValues(Map.of(":z", s("z"), ":one", n(1)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
        });
        s.put("update_setsAddAndDeleteToEmpty", (c, t) -> {
            hashRange(c, t);
            c.putItem(b -> b.tableName(t)
                    .item(item(
                            "pk",
                            "x",
                            "sk",
                            1,
                            "ns",
                            AttributeValue.fromNs(List.of("1", "2")),
                            "ss",
                            AttributeValue.fromSs(List.of("a")))));
            return c.updateItem(b -> b.tableName(t)
                            .key(item("pk", "x", "sk", 1))
                            .updateExpression("ADD ns :ns DELETE ss :ss")
                            .expressionAttributeValues(Map.of(
                                    ":ns",
                                    AttributeValue.fromNs(List.of("2.0", "3")),
                                    ":ss",
                                    AttributeValue.fromSs(List.of("a"))))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
        });
        s.put("condition_containsSizeOnCollections", (c, t) -> {
            hashRange(c, t);
            c.putItem(b -> b.tableName(t)
                    .item(item(
                            "pk",
                            "x",
                            "sk",
                            1,
                            "l",
                            AttributeValue.fromL(List.of(n(1), s("two"))),
                            "m",
                            AttributeValue.fromM(item("a", 1, "b", 2)),
                            "ns",
                            AttributeValue.fromNs(List.of("1.5")))));
            return c.deleteItem(b -> b.tableName(t)
                            .key(item("pk", "x", "sk", 1))
                            .conditionExpression(
                                    "contains(l, :two) AND size(m) = :two_n AND size(l) = :two_n AND contains(ns, :onefive) AND attribute_type(m, :M)")
                            .expressionAttributeValues(
                                    Map.of(":two", s("two"), ":two_n", n(2), ":onefive", n("1.50"), ":M", s("M")))
                            .returnValues(ReturnValue.ALL_OLD))
                    .attributes();
        });
        s.put("condition_sizeOfNonAsciiString", (c, t) -> {
            hashRange(c, t);
            c.putItem(b -> b.tableName(t).item(item("pk", "x", "sk", 1, "s", "h\u00e9llo")));
            return c.deleteItem(b -> b.tableName(t)
                            .key(item("pk", "x", "sk", 1))
                            .conditionExpression("size(s) = :five")
                            .expressionAttributeValues(Map.of(":five", n(5)))
                            .returnValues(ReturnValue.ALL_OLD))
                    .attributes();
        });
        s.put("itemSize_largestAcceptedItem_plainAndNested", (c, t) -> {
            hashRange(c, t);
            List<Integer> out = new ArrayList<>();
            for (boolean nested : List.of(false, true)) {
                out.add(largestAccepted(400_000, 410_000, mid -> {
                    Map<String, AttributeValue> it = item("pk", "x", "sk", 1, "blob", "b".repeat(mid));
                    if (nested) {
                        it.put(
                                "m",
                                AttributeValue.fromM(item(
                                        "a",
                                        n("123.45"),
                                        "l",
                                        AttributeValue.fromL(List.of(
                                                s("x"),
                                                AttributeValue.fromBool(true),
                                                AttributeValue.fromNul(true),
                                                n("-0.000001"),
                                                n("12345678901234567890"),
                                                n("0"),
                                                n("-5"),
                                                n("9.9e-100"),
                                                n("-1234.5678"))))));
                        it.put("ss", AttributeValue.fromSs(List.of("a", "bb")));
                        it.put("ns", AttributeValue.fromNs(List.of("1", "22.5")));
                    }
                    c.putItem(b -> b.tableName(t).item(it));
                }));
            }
            return out;
        });
        s.put("keySize_largestAcceptedKeys", (c, t) -> {
            plainHashRange(c, t, ScalarAttributeType.S);
            List<Integer> out = new ArrayList<>();
            for (boolean hash : List.of(true, false)) {
                out.add(largestAccepted(1000, 3000, mid -> {
                    String big = "k".repeat(mid);
                    c.putItem(b -> b.tableName(t).item(hash ? item("pk", big, "sk", "s") : item("pk", "p", "sk", big)));
                }));
            }
            return out;
        });
        s.put("select_allProjectedWithoutIndex", (c, t) -> {
            hashRange(c, t);
            return c.query(b -> b.tableName(t)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p")))
                    .select(Select.ALL_PROJECTED_ATTRIBUTES));
        });
        s.put("select_countWithProjection", (c, t) -> {
            hashRange(c, t);
            return c.query(b -> b.tableName(t)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p")))
                    .select(Select.COUNT)
                    .projectionExpression("v"));
        });
        s.put("query_badExclusiveStartKey", (c, t) -> {
            hashRange(c, t);
            return c.query(b -> b.tableName(t)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p")))
                    .exclusiveStartKey(item("pk", "p")));
        });
        s.put("query_limitZero", (c, t) -> {
            hashRange(c, t);
            return c.query(b -> b.tableName(t)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p")))
                    .limit(0));
        });
        s.put("putItem_returnValuesUpdatedNew", (c, t) -> {
            hashRange(c, t);
            return c.putItem(b -> b.tableName(t).item(key(1)).returnValues(ReturnValue.UPDATED_NEW));
        });
        s.put("putItem_emptyExpressionAttributeValues", (c, t) -> {
            hashRange(c, t);
            return c.putItem(b -> b.tableName(t)
                    .item(key(1))
                    .conditionExpression("attribute_exists(v)")
                    .expressionAttributeValues(Map.of()));
        });
        s.put("batchGet_over100Keys", (c, t) -> {
            hashRange(c, t);
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (int i = 0; i < 101; i++) keys.add(key(i));
            return c.batchGetItem(b -> b.requestItems(
                    Map.of(t, KeysAndAttributes.builder().keys(keys).build())));
        });
        s.put("batchWrite_over25", (c, t) -> {
            hashRange(c, t);
            List<WriteRequest> w = new ArrayList<>();
            for (int i = 0; i < 26; i++)
                w.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(key(i)).build())
                        .build());
            return c.batchWriteItem(b -> b.requestItems(Map.of(t, w)));
        });
        s.put("update_emptyExpression", (c, t) -> update(c, t, "", null));
        s.put(
                "condition_expressionTooLong",
                (c, t) -> condition(c, t, "attribute_exists(v)" + " AND attribute_exists(v)".repeat(200), null));
        s.put("condition_sameOperandTwice", (c, t) -> condition(c, t, "v = v", null));
        s.put("condition_badAttributeType", (c, t) -> condition(c, t, "attribute_type(v, :x)", Map.of(":x", s("X"))));
        s.put("condition_beginsWithNumber", (c, t) -> condition(c, t, "begins_with(tag, :n)", Map.of(":n", n(1))));
        s.put("condition_functionArity", (c, t) -> condition(c, t, "attribute_exists(v, tag)", null));
        s.put("condition_undefinedName", (c, t) -> condition(c, t, "attribute_exists(#nope)", null));
        s.put("update_sectionTwice", (c, t) -> update(c, t, "SET v = :v SET w = :v", Map.of(":v", n(1))));
        s.put("update_listAppendOnString", (c, t) -> update(c, t, "SET l = list_append(:v, :v)", Map.of(":v", s("x"))));
        s.put("update_deleteNumber", (c, t) -> update(c, t, "DELETE v :v", Map.of(":v", n(1))));
        s.put("condition_numberEqualityIgnoresScale", (c, t) -> condition(c, t, "v = :v", Map.of(":v", n("10.000"))));
        s.put("condition_typeMismatchIsFalse", (c, t) -> condition(c, t, "v > :s", Map.of(":s", s("a"))));
        s.put(
                "condition_nestedPathOnScalarIsMissing",
                (c, t) -> condition(c, t, "attribute_not_exists(v.x) AND attribute_not_exists(tag[0])", null));
        s.put("query_stringSortOrderUtf8", (c, t) -> {
            plainHashRange(c, t, ScalarAttributeType.S);
            for (String k : List.of("b", "B", "a", "\u00e9", "\uD83D\uDE00", "\uFF5E", "aa", "a b", "0", "~")) {
                c.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", k)));
            }
            return c
                    .query(b -> b.tableName(t)
                            .keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", s("p"))))
                    .items()
                    .stream()
                    .map(i -> i.get("sk").s())
                    .toList();
        });
        s.put("query_binarySortOrderUnsigned", (c, t) -> {
            plainHashRange(c, t, ScalarAttributeType.B);
            for (int v : new int[] {0x01, 0x7f, 0x80, 0xff, 0x00}) {
                c.putItem(b -> b.tableName(t)
                        .item(Map.of(
                                "pk",
                                s("p"),
                                "sk",
                                AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(
                                        new byte[] {(byte) v, 1})))));
            }
            return c
                    .query(b -> b.tableName(t)
                            .keyConditionExpression("pk = :p AND sk > :lo")
                            .expressionAttributeValues(Map.of(
                                    ":p",
                                    s("p"),
                                    ":lo",
                                    AttributeValue.fromB(
                                            software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {0x7f, 1})))))
                    .items()
                    .stream()
                    .map(i -> Byte.toUnsignedInt(i.get("sk").b().asByteArray()[0]))
                    .toList();
        });
        s.put("query_negativeAndDecimalNumberOrder", (c, t) -> {
            hashRange(c, t);
            for (String v : List.of("-1.5", "-10", "0.001", "1e3", "-0.5"))
                c.putItem(b -> b.tableName(t).item(item("pk", "n", "sk", n(v))));
            return c
                    .query(b -> b.tableName(t)
                            .keyConditionExpression("pk = :p")
                            .expressionAttributeValues(Map.of(":p", s("n"))))
                    .items()
                    .stream()
                    .map(i -> i.get("sk").n())
                    .toList();
        });
        s.put("delete_missingItemReturnsNothing", (c, t) -> {
            hashRange(c, t);
            return c.deleteItem(b -> b.tableName(t).key(key(99)).returnValues(ReturnValue.ALL_OLD))
                    .hasAttributes();
        });
        s.put(
                "putItem_unknownTableName_invalidPattern",
                (c, t) -> c.putItem(b -> b.tableName("bad name!").item(key(1))));
        s.put("query_projectionNestedWithNames", (c, t) -> {
            hashRange(c, t);
            c.putItem(b -> b.tableName(t)
                    .item(item("pk", "x", "sk", 1, "name", AttributeValue.fromM(item("first", "A", "last", "B")))));
            return c.query(b -> b.tableName(t)
                            .keyConditionExpression("#p = :p")
                            .projectionExpression("#n.#f, sk")
                            .expressionAttributeNames(Map.of("#p", "pk", "#n", "name", "#f", "first"))
                            .expressionAttributeValues(Map.of(":p", s("x"))))
                    .items();
        });
        s.put("reservedWords_everyWordRejectedAsDynaliteDoes", (c, t) -> {
            hashRange(c, t);
            List<String> accepted = new ArrayList<>();
            for (String w : new java.util.TreeSet<>(ReservedWords.all())) {
                try {
                    c.getItem(
                            b -> b.tableName(t).key(key(1)).projectionExpression(w.toLowerCase(java.util.Locale.ROOT)));
                    accepted.add(w);
                } catch (DynamoDbException e) {
                    if (!e.awsErrorDetails().errorMessage().contains("reserved keyword"))
                        accepted.add(w + ":" + e.awsErrorDetails().errorMessage());
                }
            }
            return accepted;
        });
        s.put("deleteTable_thenUse", (c, t) -> {
            hashRange(c, t);
            c.deleteTable(b -> b.tableName(t));
            return c.getItem(b -> b.tableName(t).key(key(1)));
        });
        List<Arguments> args = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Scenario> e : s.entrySet())
            args.add(Arguments.of(e.getKey(), "cf-" + (i++), e.getValue()));
        return args.stream();
    }

    /**
     * Where dynalite accepts what DynamoDB's documentation rejects, this engine follows the documentation; these
     * scenarios check that the difference is exactly that (ours: ValidationException, dynalite: success).
     */
    private static final Map<String, String> DOCUMENTED_DIFFERENCES = Map.of(
            "select_allProjectedWithoutIndex", "ALL_PROJECTED_ATTRIBUTES is allowed only when querying an index",
            "select_countWithProjection", "with ProjectionExpression, Select can only be SPECIFIC_ATTRIBUTES",
            "condition_expressionTooLong", "the maximum length of any expression string is 4 KB");

    /** Scenarios whose error message must also match dynalite's word for word (DynamoDB's wording, which dynalite copies). */
    private static final Set<String> SAME_MESSAGE =
            Set.of("query_filterOnHashKey", "query_filterOnRangeKeyInFunction", "query_indexFilterOnIndexKey");

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sameOutcomeAsDynalite(String name, String table, Scenario scenario) {
        Outcome mine = outcome(oursClient, table, scenario);
        Outcome theirs = outcome(theirClient, table, scenario);
        if (DOCUMENTED_DIFFERENCES.containsKey(name)) {
            assertThat(mine.error())
                    .as(name + ": " + DOCUMENTED_DIFFERENCES.get(name))
                    .isEqualTo("ValidationException");
            assertThat(theirs.error()).as(name + ": dynalite accepts it").isNull();
            return;
        }

        assertThat(mine.error())
                .as(name + " error type (ours: %s / dynalite: %s)", mine, theirs)
                .isEqualTo(theirs.error());
        assertThat(mine.value()).as(name + " response").isEqualTo(theirs.value());
        if (SAME_MESSAGE.contains(name)) {
            assertThat(mine.message()).as(name + " message").isEqualTo(theirs.message());
        }
        if (mine.error() != null && !mine.message().equals(theirs.message())) {
            synchronized (MESSAGE_DIFFERENCES) {
                MESSAGE_DIFFERENCES.add(name + "\n  ours:     " + mine.message() + "\n  dynalite: " + theirs.message());
            }
        }
    }
}
