package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.n;
import static dev.bricks.local.dynamodb.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The expression grammar through the SDK: which conditions hold, and DynamoDB's error messages for bad ones. */
class ExpressionErrorsTest {
    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    static DynamoDbClient client;
    static String table;

    @BeforeAll
    static void data() {
        client = DYNAMO.client();
        table = Fixtures.table(client, false);
        client.putItem(b -> b.tableName(table)
                .item(item(
                        "pk",
                        "k",
                        "s",
                        "hello",
                        "n",
                        5,
                        "b",
                        AttributeValue.fromBool(true),
                        "ss",
                        AttributeValue.fromSs(List.of("a", "b")),
                        "ns",
                        AttributeValue.fromNs(List.of("1", "2")),
                        "l",
                        AttributeValue.fromL(List.of(s("x"), n(1))),
                        "m",
                        AttributeValue.fromM(item("deep", AttributeValue.fromM(item("er", 3)))),
                        "nul",
                        AttributeValue.fromNul(true))));
    }

    private static final Map<String, AttributeValue> VALUES = Map.of(
            ":s",
            s("hello"),
            ":he",
            s("he"),
            ":five",
            n(5),
            ":one",
            n(1),
            ":ten",
            n(10),
            ":a",
            s("a"),
            ":x",
            s("x"),
            ":N",
            s("N"),
            ":SS",
            s("SS"),
            ":three",
            n(3));

    /** True when the ConditionExpression holds on the item (condition check through a no-op UpdateItem). */
    private static boolean holds(String condition) {
        // only the placeholders used, to satisfy the unused-values check
        Map<String, AttributeValue> used = new HashMap<>();
        for (String k : VALUES.keySet())
            if (java.util.regex.Pattern.compile(k + "(?![A-Za-z0-9_])")
                    .matcher(condition)
                    .find()) used.put(k, VALUES.get(k));
        try {
            client.updateItem(b -> b.tableName(table)
                    .key(item("pk", "k"))
                    .conditionExpression(condition)
                    .expressionAttributeValues(used.isEmpty() ? null : used));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The request fails with a DynamoDbException whose error message is exactly message. */
    private static void assertRejected(ThrowingCallable request, String message) {
        assertThatThrownBy(request)
                .isInstanceOfSatisfying(
                        DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message));
    }

    /** The request fails with a DynamoDbException whose message contains text. */
    private static void assertRejectedMentioning(ThrowingCallable request, String text) {
        assertThatThrownBy(request).isInstanceOf(DynamoDbException.class).hasMessageContaining(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "s = :s | true",
                "s <> :s | false",
                "n < :ten | true",
                "n <= :five | true",
                "n > :five | false",
                "n >= :five | true",
                "n BETWEEN :one AND :ten | true",
                "n BETWEEN :one AND :three | false",
                "s IN (:a, :s) | true",
                "s IN (:a, :x) | false",
                "attribute_exists(m.deep.er) | true",
                "attribute_not_exists(m.deep.nope) | true",
                "attribute_exists(l[1]) | true",
                "attribute_exists(l[2]) | false",
                "attribute_type(n, :N) | true",
                "attribute_type(ss, :SS) | true",
                "attribute_type(s, :N) | false",
                "begins_with(s, :he) | true",
                "contains(s, :he) | true",
                "contains(ss, :a) | true",
                "contains(ns, :one) | true",
                "contains(l, :x) | true",
                "contains(l, :a) | false",
                "size(s) = :five | true",
                "size(ss) < :three | true",
                "size(l) = :one | false",
                "NOT s = :s | false",
                "s = :a OR n = :five | true",
                "s = :a OR n = :five AND s = :x | false",
                "(s = :a OR n = :five) AND NOT s = :x | true",
                "absent <> :a | true",
                "absent = :a | false",
                "m.deep.er = :three | true",
                "s < :five | false",
            })
    void conditionExpression_evaluatesAsDynamoDbDoes(String condition, boolean expected) {
        assertThat(holds(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "s = | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"s =\"",
                "s = :s :s | Invalid ConditionExpression: Syntax error; token: \":s\", near: \":s :s\"",
                "status = :s | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status",
                "#nope = :s | Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #nope",
                "s = :nope | Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope",
                "foo(s) | Invalid ConditionExpression: Invalid function name; function: foo",
                "attribute_exists(:s) | Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists",
                "begins_with(s, :five) | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
                "n BETWEEN :ten AND :one | Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:1}",
                "s = s | Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [s]",
                "attribute_type(s, :x) | Invalid ConditionExpression: Invalid attribute type name found; type: x, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
                "attribute_exists(s, s) | Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2",
            })
    void conditionExpression_invalid_failsWithDynamoDbMessage(String condition, String message) {
        Map<String, AttributeValue> values = new HashMap<>(VALUES);
        assertThatThrownBy(() -> client.putItem(b -> b.tableName(table)
                        .item(item("pk", "other"))
                        .conditionExpression(condition)
                        .expressionAttributeValues(values)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SET a = :s SET b = :s | Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
                "SET a = :s REMOVE a | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]",
                "SET a.b = :s, a = :s | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]",
                "ADD a :s | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
                "DELETE a :five | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER",
                "SET a = list_append(:s, :s) | Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S",
                "SET a = size(s) | Invalid UpdateExpression: The function is not allowed in an update expression; function: size",
                "SET a = if_not_exists(:s, :s) | Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists",
                "UPSERT a = :s | Invalid UpdateExpression: Syntax error; token: \"UPSERT\", near: \"UPSERT a\"",
                "SET s = s + :five | The provided expression refers to an attribute that does not exist in the item",
                "SET n = n + :s | Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S",
                "SET nope.x = :s | The document path provided in the update expression is invalid for update",
                "SET n = s + :five | An operand in the update expression has an incorrect data type",
            })
    void updateExpression_invalid_failsWithDynamoDbMessage(String update, String message) {
        Map<String, AttributeValue> values = new HashMap<>();
        for (String k : List.of(":s", ":five")) if (update.contains(k)) values.put(k, VALUES.get(k));
        assertRejected(
                () -> client.updateItem(b -> b.tableName(table)
                        .key(item("pk", update.startsWith("SET s =") ? "absent" : "k"))
                        .updateExpression(update)
                        .expressionAttributeValues(values.isEmpty() ? null : values)),
                message);
    }

    @Test
    void expressionAttributeValues_unused_areReported() {
        assertRejectedMentioning(
                () -> client.putItem(b -> b.tableName(table)
                        .item(item("pk", "z"))
                        .conditionExpression("attribute_not_exists(pk)")
                        .expressionAttributeValues(Map.of(":unused", s("x")))),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
    }

    @Test
    void expressionAttributeNames_unused_areReported() {
        assertRejectedMentioning(
                () -> client.putItem(b -> b.tableName(table)
                        .item(item("pk", "z"))
                        .conditionExpression("attribute_not_exists(pk)")
                        .expressionAttributeNames(Map.of("#unused", "x"))),
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");
    }

    @Test
    void expressionAttributeValues_withoutExpression_areRejected() {
        assertRejectedMentioning(
                () -> client.putItem(
                        b -> b.tableName(table).item(item("pk", "z")).expressionAttributeValues(Map.of(":v", s("x")))),
                "ExpressionAttributeValues can only be specified when using expressions");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1e126 | Number overflow. Attempting to store a number with magnitude larger than supported range",
                "1e-131 | Number underflow. Attempting to store a number with magnitude smaller than supported range",
                "123456789012345678901234567890123456789 | Attempting to store more than 38 significant digits in a Number",
                "abc | The parameter cannot be converted to a numeric value: abc",
            })
    void putItem_invalidNumber_isRejected(String number, String message) {
        assertRejected(() -> client.putItem(b -> b.tableName(table).item(item("pk", "z", "n", n(number)))), message);
    }

    @Test
    void putItem_numbersAtTheEdges_areStoredCanonically() {
        client.putItem(b -> b.tableName(table)
                .item(item(
                        "pk",
                        "edge",
                        "big",
                        n("9.9999999999999999999999999999999999999E+125"),
                        "small",
                        n("-1E-130"),
                        "trail",
                        n("100.000"),
                        "zero",
                        n("-0.0"))));
        Map<String, AttributeValue> got =
                client.getItem(b -> b.tableName(table).key(item("pk", "edge"))).item();

        assertThat(got.get("trail").n()).isEqualTo("100");
        assertThat(got.get("zero").n()).isEqualTo("0");
        assertThat(new java.math.BigDecimal(got.get("big").n()))
                .isEqualByComparingTo("9.9999999999999999999999999999999999999E+125");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ss-empty | One or more parameter values were invalid: An string set  may not be empty",
                "ss-dup | One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
                "key-missing | One or more parameter values were invalid: Missing the key pk in the item",
                "key-type | One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
                "key-empty | One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk",
                "too-big | Item size has exceeded the maximum allowed size",
            })
    void putItem_invalidItem_isRejected(String kind, String message) {
        Map<String, AttributeValue> it = switch (kind) {
            case "ss-empty" ->
                item("pk", "z", "ss", AttributeValue.builder().ss(List.of()).build());
            case "ss-dup" -> item("pk", "z", "ss", AttributeValue.fromSs(List.of("a", "a")));
            case "key-missing" -> item("other", "z");
            case "key-type" -> item("pk", n(1));
            case "key-empty" -> item("pk", "");
            default -> item("pk", "z", "blob", "x".repeat(400 * 1024));
        };
        assertRejected(() -> client.putItem(b -> b.tableName(table).item(it)), message);
    }

    @Test
    void putItem_justUnder400KB_isAccepted() {
        // name "pk"(2) + "z"(1) + name "blob"(4) + value => exactly 409600 bytes
        String value = "x".repeat(400 * 1024 - 2 - 1 - 4);
        client.putItem(b -> b.tableName(table).item(item("pk", "z", "blob", value)));
        assertThat(client.getItem(b -> b.tableName(table).key(item("pk", "z")))
                        .item()
                        .get("blob")
                        .s())
                .hasSize(value.length());
    }
}
