package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.Fixtures.item;
import static dev.bricks.local.dynamodb.Fixtures.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class CallListenerTest {

    @Test
    void addCallListener_overHttp_seesEveryOperationWithTablesAndOutcome() {
        try (LocalDynamoDb db = LocalDynamoDb.start()) {
            DynamoDbClient client = Clients.dynamo(db);
            String a = Fixtures.table(client, false);
            String b = Fixtures.table(client, false);
            List<EngineCall> calls = new CopyOnWriteArrayList<>();
            db.addCallListener(calls::add);

            client.putItem(r -> r.tableName(a).item(item("pk", s("1"))));
            assertThatThrownBy(() -> client.putItem(r ->
                            r.tableName(a).item(item("pk", s("1"))).conditionExpression("attribute_not_exists(pk)")))
                    .isInstanceOf(ConditionalCheckFailedException.class);
            client.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder()
                            .put(Put.builder()
                                    .tableName(a)
                                    .item(item("pk", s("2")))
                                    .build())
                            .build(),
                    TransactWriteItem.builder()
                            .put(Put.builder()
                                    .tableName(b)
                                    .item(item("pk", s("2")))
                                    .build())
                            .build()));
            client.batchWriteItem(r -> r.requestItems(Map.of(
                    b,
                    List.of(WriteRequest.builder()
                            .putRequest(PutRequest.builder()
                                    .item(item("pk", s("3")))
                                    .build())
                            .build()))));
            client.getItem(r -> r.tableName(b).key(item("pk", s("3"))));

            assertThat(calls)
                    .extracting(c -> new EngineCall(c.operation(), c.tables(), c.errorType()))
                    .containsExactly(
                            new EngineCall("PutItem", List.of(a), null),
                            new EngineCall("PutItem", List.of(a), "ConditionalCheckFailedException"),
                            new EngineCall("TransactWriteItems", List.of(a, b), null),
                            new EngineCall("BatchWriteItem", List.of(b), null),
                            new EngineCall("GetItem", List.of(b), null));
            assertThat(calls).extracting(EngineCall::callerAccessKeyId).containsOnly("k");
            assertThat(calls).extracting(EngineCall::committedWrite).containsExactly(true, false, true, true, false);
        }
    }

    @Test
    void addCallListener_listenerThrows_clientStillGetsItsAnswer() {
        try (LocalDynamoDb db = LocalDynamoDb.start()) {
            DynamoDbClient client = Clients.dynamo(db);
            String table = Fixtures.table(client, false);
            db.addCallListener(call -> {
                throw new IllegalStateException("listener bug");
            });

            client.putItem(r -> r.tableName(table).item(item("pk", s("1"))));

            assertThat(client.getItem(r -> r.tableName(table).key(item("pk", s("1"))))
                            .item())
                    .containsEntry("pk", s("1"));
        }
    }

    @Test
    void addCallListener_writes_reportEachChangedItemWithItsImages() {
        try (LocalDynamoDb db = LocalDynamoDb.start()) {
            DynamoDbClient client = Clients.dynamo(db);
            String table = Fixtures.table(client, false); // no stream: changes are reported all the same
            List<EngineCall> calls = new CopyOnWriteArrayList<>();
            db.addCallListener(calls::add);

            client.putItem(r -> r.tableName(table).item(item("pk", s("1"), "n", s("a"))));
            client.putItem(r -> r.tableName(table).item(item("pk", s("1"), "n", s("a")))); // unchanged
            client.updateItem(r -> r.tableName(table)
                    .key(item("pk", s("1")))
                    .updateExpression("SET n = :n")
                    .expressionAttributeValues(Map.of(":n", s("b"))));
            client.batchWriteItem(r -> r.requestItems(Map.of(
                    table,
                    List.of(WriteRequest.builder()
                            .putRequest(PutRequest.builder()
                                    .item(item("pk", s("2")))
                                    .build())
                            .build()))));
            client.deleteItem(r -> r.tableName(table).key(item("pk", s("1"))));

            assertThat(calls)
                    .flatExtracting(EngineCall::changes)
                    .containsExactly(
                            new ItemChange(
                                    table,
                                    ItemChange.Kind.INSERT,
                                    "{\"pk\":{\"S\":\"1\"}}",
                                    null,
                                    "{\"pk\":{\"S\":\"1\"},\"n\":{\"S\":\"a\"}}",
                                    null),
                            new ItemChange(
                                    table,
                                    ItemChange.Kind.MODIFY,
                                    "{\"pk\":{\"S\":\"1\"}}",
                                    "{\"pk\":{\"S\":\"1\"},\"n\":{\"S\":\"a\"}}",
                                    "{\"pk\":{\"S\":\"1\"},\"n\":{\"S\":\"b\"}}",
                                    null),
                            new ItemChange(
                                    table,
                                    ItemChange.Kind.INSERT,
                                    "{\"pk\":{\"S\":\"2\"}}",
                                    null,
                                    "{\"pk\":{\"S\":\"2\"}}",
                                    null),
                            new ItemChange(
                                    table,
                                    ItemChange.Kind.REMOVE,
                                    "{\"pk\":{\"S\":\"1\"}}",
                                    "{\"pk\":{\"S\":\"1\"},\"n\":{\"S\":\"b\"}}",
                                    null,
                                    null));
        }
    }

    @Test
    void removeCallListener_afterRemoval_isNotTold() {
        try (LocalDynamoDb db = LocalDynamoDb.start()) {
            DynamoDbClient client = Clients.dynamo(db);
            String table = Fixtures.table(client, false);
            List<EngineCall> calls = new CopyOnWriteArrayList<>();
            CallListener listener = calls::add;
            db.addCallListener(listener);
            client.putItem(r -> r.tableName(table).item(item("pk", s("1"))));
            db.removeCallListener(listener);

            client.putItem(r -> r.tableName(table).item(item("pk", s("2"))));

            assertThat(calls).hasSize(1);
        }
    }
}
