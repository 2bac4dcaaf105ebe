package dev.bricks.benchmarks.localdynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * One measured path: an SDK client (sync, or async joined per call) and the server it talks to. The server process
 * id is for its CPU time; -1 when the engine runs inside the benchmark's JVM.
 */
final class Target implements AutoCloseable {
    static final String TABLE = "bench";
    private static final Map<String, AttributeValue> GET_KEY =
            Map.of("pk", AttributeValue.fromS("get"), "sk", AttributeValue.fromN("0"));
    private static final QueryRequest QUERY = QueryRequest.builder()
            .tableName(TABLE)
            .keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("q")))
            .build();
    private static final GetItemRequest GET =
            GetItemRequest.builder().tableName(TABLE).key(GET_KEY).build();

    final String name;
    final long serverPid;
    private final DynamoDbClient sync;
    private final DynamoDbAsyncClient async;

    private Target(String name, long serverPid, DynamoDbClient sync, DynamoDbAsyncClient async) {
        this.name = name;
        this.serverPid = serverPid;
        this.sync = sync;
        this.async = async;
    }

    static Target sync(String name, long serverPid, DynamoDbClient client) {
        return new Target(name, serverPid, client, null);
    }

    static Target async(String name, long serverPid, DynamoDbAsyncClient client) {
        return new Target(name, serverPid, null, client);
    }

    /** One call of the operation; seq varies the PutItem key. Fails when an answer is not what the data says. */
    void call(Operation op, long seq) {
        switch (op) {
            case PUT_ITEM -> {
                PutItemRequest put = PutItemRequest.builder()
                        .tableName(TABLE)
                        .item(Data.item("put-" + (seq % 10_000), (int) (seq % 7)))
                        .build();
                if (sync != null) {
                    sync.putItem(put);
                } else {
                    async.putItem(put).join();
                }
            }
            case GET_ITEM -> {
                boolean found = sync != null
                        ? sync.getItem(GET).hasItem()
                        : async.getItem(GET).join().hasItem();
                if (!found) {
                    throw new IllegalStateException(name + ": GetItem found no item");
                }
            }
            case QUERY -> {
                int count = sync != null
                        ? sync.query(QUERY).count()
                        : async.query(QUERY).join().count();
                if (count != Data.QUERY_ITEMS) {
                    throw new IllegalStateException(name + ": Query returned " + count + " items");
                }
            }
        }
    }

    @Override
    public void close() {
        if (sync != null) {
            sync.close();
        }
        if (async != null) {
            async.close();
        }
    }
}
