package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.n;
import static dev.bricks.local.dynamodb.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class TransactionsAndBatchTest {
    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    DynamoDbClient client;
    String orders;
    String users;

    @BeforeEach
    void setUp() {
        client = DYNAMO.client();
        orders = Fixtures.table(client, false);
        users = Fixtures.table(client, false);
        client.putItem(b -> b.tableName(users).item(item("pk", "u1", "orders", 0)));
    }

    private TransactWriteItem placeOrder(String orderId) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(orders)
                        .item(item("pk", orderId, "user", "u1"))
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    private TransactWriteItem countOrder() {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(users)
                        .key(item("pk", "u1"))
                        .updateExpression("ADD orders :one")
                        .expressionAttributeValues(Map.of(":one", n(1)))
                        .build())
                .build();
    }

    @Test
    void transactWriteItems_allConditionsHold_appliesEveryAction() {
        client.transactWriteItems(b -> b.transactItems(placeOrder("o1"), countOrder()));

        assertThat(client.getItem(b -> b.tableName(orders).key(item("pk", "o1")))
                        .item())
                .containsEntry("user", s("u1"));
        assertThat(client.getItem(b -> b.tableName(users).key(item("pk", "u1"))).item())
                .containsEntry("orders", n(1));
    }

    @Test
    void transactWriteItems_oneConditionFails_appliesNothingAndReportsReasonsInOrder() {
        client.transactWriteItems(b -> b.transactItems(placeOrder("o1"), countOrder()));
        TransactWriteItem check = TransactWriteItem.builder()
                .conditionCheck(ConditionCheck.builder()
                        .tableName(users)
                        .key(item("pk", "u1"))
                        .conditionExpression("orders = :zero")
                        .expressionAttributeValues(Map.of(":zero", n(0)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build())
                .build();

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(placeOrder("o2"), check)))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons())
                            .extracting(CancellationReason::code)
                            .containsExactly("None", "ConditionalCheckFailed");
                    assertThat(e.cancellationReasons().get(1).item()).isEqualTo(item("pk", "u1", "orders", 1));
                    assertThat(e.getMessage())
                            .contains(
                                    "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
                });
        assertThat(client.getItem(b -> b.tableName(orders).key(item("pk", "o2")))
                        .hasItem())
                .isFalse();
    }

    @Test
    void transactWriteItems_twoActionsOnOneItem_isValidationError() {
        TransactWriteItem delete = TransactWriteItem.builder()
                .delete(Delete.builder().tableName(users).key(item("pk", "u1")).build())
                .build();

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(countOrder(), delete)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void transactWriteItems_sameClientRequestToken_isIdempotent() {
        client.transactWriteItems(b -> b.transactItems(countOrder()).clientRequestToken("token-1"));
        client.transactWriteItems(b -> b.transactItems(countOrder()).clientRequestToken("token-1"));

        assertThat(client.getItem(b -> b.tableName(users).key(item("pk", "u1"))).item())
                .containsEntry("orders", n(1));
        assertThatThrownBy(() -> client.transactWriteItems(
                        b -> b.transactItems(placeOrder("o9")).clientRequestToken("token-1")))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @Test
    void transactWriteItems_runtimeTypeError_cancelsWithValidationError() {
        client.putItem(b -> b.tableName(users).item(item("pk", "u2", "orders", "not a number")));
        TransactWriteItem bad = TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(users)
                        .key(item("pk", "u2"))
                        .updateExpression("SET orders = orders + :one")
                        .expressionAttributeValues(Map.of(":one", n(1)))
                        .build())
                .build();

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(placeOrder("o3"), bad)))
                .isInstanceOfSatisfying(
                        TransactionCanceledException.class,
                        e -> assertThat(e.cancellationReasons())
                                .extracting(CancellationReason::code)
                                .containsExactly("None", "ValidationError"));
    }

    @Test
    void transactWriteItems_injectedConflict_cancelsWithTransactionConflict() {
        DYNAMO.engine().faults().failNext("TransactWriteItems", 1, Faults.Kind.TRANSACTION_CONFLICT);

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(placeOrder("o5"), countOrder())))
                .isInstanceOfSatisfying(
                        TransactionCanceledException.class,
                        e -> assertThat(e.cancellationReasons())
                                .extracting(CancellationReason::code)
                                .containsExactly("TransactionConflict", "None"));
        assertThat(client.getItem(b -> b.tableName(orders).key(item("pk", "o5")))
                        .hasItem())
                .isFalse();
        client.transactWriteItems(b -> b.transactItems(placeOrder("o5"), countOrder()));
        assertThat(client.getItem(b -> b.tableName(orders).key(item("pk", "o5")))
                        .hasItem())
                .isTrue();
    }

    @Test
    void transactWriteItems_over4MbInAggregate_isRejected() {
        String big = "x".repeat(390 * 1024);
        List<TransactWriteItem> puts = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            puts.add(TransactWriteItem.builder()
                    .put(Put.builder()
                            .tableName(orders)
                            .item(item("pk", "big" + i, "blob", big))
                            .build())
                    .build());
        }
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(puts)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("aggregate size limit of 4 MB");
        assertThat(client.getItem(b -> b.tableName(orders).key(item("pk", "big0")))
                        .hasItem())
                .isFalse();
    }

    @Test
    void transactGetItems_returnsItemsInRequestOrder() {
        var r = client.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder()
                        .get(g -> g.tableName(users).key(item("pk", "u1")))
                        .build(),
                TransactGetItem.builder()
                        .get(g -> g.tableName(orders).key(item("pk", "missing")))
                        .build()));

        assertThat(r.responses()).hasSize(2);
        assertThat(r.responses().get(0).item()).containsEntry("pk", s("u1"));
        assertThat(r.responses().get(1).hasItem()).isFalse();
    }

    @Test
    void batchWriteItem_thenBatchGetItem_roundTrips() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 25; i++)
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item("pk", "k" + i)).build())
                    .build());
        BatchWriteItemResponse w = client.batchWriteItem(b -> b.requestItems(Map.of(orders, writes)));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) keys.add(item("pk", "k" + i));

        var got = client.batchGetItem(b -> b.requestItems(
                Map.of(orders, KeysAndAttributes.builder().keys(keys).build())));

        assertThat(w.unprocessedItems()).isEmpty();
        assertThat(got.responses().get(orders)).hasSize(25);
        assertThat(got.unprocessedKeys()).isEmpty();
    }

    @Test
    void batchWriteItem_moreThan25_isRejected() {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 26; i++)
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item("pk", "k" + i)).build())
                    .build());

        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of(orders, writes))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Member must have length less than or equal to 25");
    }

    @Test
    void batchGetItem_moreThan100Keys_isRejected() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) keys.add(item("pk", "k" + i));

        assertThatThrownBy(() -> client.batchGetItem(b -> b.requestItems(
                        Map.of(orders, KeysAndAttributes.builder().keys(keys).build()))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Too many items requested for the BatchGetItem call");
    }

    @Test
    void batchGetItem_duplicateKeys_isRejected() {
        assertThatThrownBy(() -> client.batchGetItem(b -> b.requestItems(Map.of(
                        orders,
                        KeysAndAttributes.builder()
                                .keys(item("pk", "a"), item("pk", "a"))
                                .build()))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("Provided list of item keys contains duplicates");
    }

    static AttributeValue unused() {
        return AttributeValue.fromS("x");
    }
}
