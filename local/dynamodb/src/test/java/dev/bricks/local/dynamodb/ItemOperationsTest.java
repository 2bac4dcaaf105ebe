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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

class ItemOperationsTest {
    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    DynamoDbClient client;
    String table;

    @BeforeEach
    void setUp() {
        client = DYNAMO.client();
        table = Fixtures.table(client, true);
    }

    @Test
    void putItem_thenGetItem_returnsTheItemWithCanonicalNumbers() {
        client.putItem(b -> b.tableName(table)
                .item(item(
                        "pk",
                        "a",
                        "sk",
                        "1",
                        "n",
                        n("01.500"),
                        "bin",
                        AttributeValue.fromB(SdkBytes.fromUtf8String("hi")),
                        "flag",
                        AttributeValue.fromBool(true),
                        "nothing",
                        AttributeValue.fromNul(true),
                        "ss",
                        AttributeValue.fromSs(List.of("x", "y")),
                        "m",
                        AttributeValue.fromM(item("inner", "v")),
                        "l",
                        AttributeValue.fromL(List.of(n(1), s("two"))))));

        Map<String, AttributeValue> got = client.getItem(b -> b.tableName(table).key(item("pk", "a", "sk", "1")))
                .item();

        assertThat(got.get("n").n()).isEqualTo("1.5");
        assertThat(got.get("bin").b().asUtf8String()).isEqualTo("hi");
        assertThat(got.get("flag").bool()).isTrue();
        assertThat(got.get("nothing").nul()).isTrue();
        assertThat(got.get("ss").ss()).containsExactly("x", "y");
        assertThat(got.get("m").m()).isEqualTo(item("inner", "v"));
        assertThat(got.get("l").l()).containsExactly(n(1), s("two"));
    }

    @Test
    void getItem_missingItem_returnsNoItem() {
        assertThat(client.getItem(b -> b.tableName(table).key(item("pk", "none", "sk", "x")))
                        .hasItem())
                .isFalse();
    }

    @Test
    void getItem_projectionExpression_returnsOnlyProjectedPaths() {
        client.putItem(b -> b.tableName(table)
                .item(item(
                        "pk",
                        "a",
                        "sk",
                        "1",
                        "a",
                        "A",
                        "b",
                        "B",
                        "m",
                        AttributeValue.fromM(item("x", "X", "y", "Y")),
                        "l",
                        AttributeValue.fromL(List.of(s("0"), s("1"), s("2"))))));

        Map<String, AttributeValue> got = client.getItem(b -> b.tableName(table)
                        .key(item("pk", "a", "sk", "1"))
                        .projectionExpression("a, m.y, l[2], #l[0]")
                        .expressionAttributeNames(Map.of("#l", "l")))
                .item();

        assertThat(got)
                .isEqualTo(item(
                        "a",
                        "A",
                        "m",
                        AttributeValue.fromM(item("y", "Y")),
                        "l",
                        AttributeValue.fromL(List.of(s("0"), s("2")))));
    }

    @Test
    void putItem_conditionOnExistingItem_failsWithOldItemWhenAsked() {
        client.putItem(b -> b.tableName(table).item(item("pk", "a", "sk", "1", "v", 1)));

        assertThatThrownBy(() -> client.putItem(b -> b.tableName(table)
                        .item(item("pk", "a", "sk", "1", "v", 2))
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
                    assertThat(e.item()).isEqualTo(item("pk", "a", "sk", "1", "v", 1));
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void putItem_returnValuesAllOld_returnsReplacedItem() {
        client.putItem(b -> b.tableName(table).item(item("pk", "a", "sk", "1", "v", 1)));

        var res = client.putItem(
                b -> b.tableName(table).item(item("pk", "a", "sk", "1", "v", 2)).returnValues(ReturnValue.ALL_OLD));

        assertThat(res.attributes()).isEqualTo(item("pk", "a", "sk", "1", "v", 1));
    }

    @Test
    void updateItem_setArithmeticListAppendIfNotExists_appliesAllActions() {
        client.putItem(b -> b.tableName(table)
                .item(item("pk", "a", "sk", "1", "count", 5, "tags", AttributeValue.fromL(List.of(s("x"))))));

        var res = client.updateItem(b -> b.tableName(table)
                .key(item("pk", "a", "sk", "1"))
                .updateExpression(
                        "SET #c = #c + :one, tags = list_append(tags, :more), created = if_not_exists(created, :now), neg = :one - :two")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(
                        ":one", n(1), ":two", n(2), ":more", AttributeValue.fromL(List.of(s("y"))), ":now", s("t0")))
                .returnValues(ReturnValue.ALL_NEW));

        assertThat(res.attributes())
                .isEqualTo(item(
                        "pk",
                        "a",
                        "sk",
                        "1",
                        "count",
                        6,
                        "tags",
                        AttributeValue.fromL(List.of(s("x"), s("y"))),
                        "created",
                        "t0",
                        "neg",
                        -1));
    }

    @Test
    void updateItem_removeAddDelete_onSetsNumbersAndNestedPaths() {
        client.putItem(b -> b.tableName(table)
                .item(item(
                        "pk",
                        "a",
                        "sk",
                        "1",
                        "m",
                        AttributeValue.fromM(item("a", AttributeValue.fromL(List.of(s("0"), s("1"), s("2"))))),
                        "colors",
                        AttributeValue.fromSs(List.of("red", "green")),
                        "shades",
                        AttributeValue.fromSs(List.of("red", "dark")),
                        "drop",
                        "me")));

        var res = client.updateItem(b -> b.tableName(table)
                .key(item("pk", "a", "sk", "1"))
                .updateExpression(
                        "REMOVE #d, m.a[0] ADD visits :one, colors :blue DELETE shades :red SET m.a[5] = :end")
                .expressionAttributeNames(Map.of("#d", "drop"))
                .expressionAttributeValues(Map.of(
                        ":one",
                        n(1),
                        ":blue",
                        AttributeValue.fromSs(List.of("blue")),
                        ":red",
                        AttributeValue.fromSs(List.of("red")),
                        ":end",
                        s("end")))
                .returnValues(ReturnValue.UPDATED_NEW));

        Map<String, AttributeValue> got = client.getItem(b -> b.tableName(table).key(item("pk", "a", "sk", "1")))
                .item();
        assertThat(got.get("m").m().get("a").l()).containsExactly(s("1"), s("2"), s("end"));
        assertThat(got.get("colors").ss()).containsExactlyInAnyOrder("red", "green", "blue");
        assertThat(got.get("shades").ss()).containsExactly("dark");
        assertThat(got.get("visits").n()).isEqualTo("1");
        assertThat(got).doesNotContainKey("drop");
        assertThat(res.attributes()).containsKeys("visits", "colors", "m");
    }

    @Test
    void updateItem_missingItem_createsItFromTheKey() {
        client.updateItem(b -> b.tableName(table)
                .key(item("pk", "new", "sk", "1"))
                .updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", n(1))));

        assertThat(client.getItem(b -> b.tableName(table).key(item("pk", "new", "sk", "1")))
                        .item())
                .isEqualTo(item("pk", "new", "sk", "1", "n", 1));
    }

    @Test
    void updateItem_returnValuesUpdatedOld_returnsOnlyChangedAttributesBefore() {
        client.putItem(b -> b.tableName(table).item(item("pk", "a", "sk", "1", "a", 1, "b", 2)));

        var res = client.updateItem(b -> b.tableName(table)
                .key(item("pk", "a", "sk", "1"))
                .updateExpression("SET a = :v")
                .expressionAttributeValues(Map.of(":v", n(10)))
                .returnValues(ReturnValue.UPDATED_OLD));

        assertThat(res.attributes()).isEqualTo(item("a", 1));
    }

    @Test
    void updateItem_keyAttribute_isRejected() {
        assertThatThrownBy(() -> client.updateItem(b -> b.tableName(table)
                        .key(item("pk", "a", "sk", "1"))
                        .updateExpression("SET pk = :v")
                        .expressionAttributeValues(Map.of(":v", s("x")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining(
                        "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
    }

    @Test
    void deleteItem_withCondition_deletesOnlyWhenConditionHolds() {
        client.putItem(b -> b.tableName(table).item(item("pk", "a", "sk", "1", "v", 1)));

        assertThatThrownBy(() -> client.deleteItem(b -> b.tableName(table)
                        .key(item("pk", "a", "sk", "1"))
                        .conditionExpression("v = :two")
                        .expressionAttributeValues(Map.of(":two", n(2)))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        var res = client.deleteItem(b -> b.tableName(table)
                .key(item("pk", "a", "sk", "1"))
                .conditionExpression("v = :one")
                .expressionAttributeValues(Map.of(":one", n(1)))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(res.attributes()).isEqualTo(item("pk", "a", "sk", "1", "v", 1));
        assertThat(client.getItem(b -> b.tableName(table).key(item("pk", "a", "sk", "1")))
                        .hasItem())
                .isFalse();
    }

    @Test
    void getItem_unknownTable_throwsResourceNotFound() {
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("nope").key(item("pk", "a"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Requested resource not found");
    }
}
