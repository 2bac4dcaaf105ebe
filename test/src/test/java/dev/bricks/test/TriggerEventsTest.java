package dev.bricks.test;

import static dev.bricks.test.BricksAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.example.orders.Order;
import com.example.orders.OrderPlaced;
import com.example.orders.OrderSchema;
import dev.bricks.core.dynamodb.AttributeValue;
import dev.bricks.core.dynamodb.DynamoDbStreamHandler;
import dev.bricks.core.dynamodb.OperationType;
import dev.bricks.core.dynamodb.StreamRecord;
import dev.bricks.core.eventbridge.EventBridgeEvent;
import dev.bricks.core.eventbridge.EventBridgeHandler;
import dev.bricks.core.s3.S3Handler;
import dev.bricks.core.s3.S3Record;
import dev.bricks.core.sqs.SqsHandler;
import dev.bricks.core.sqs.SqsMessage;
import dev.bricks.dynamo.DynamoTable;
import dev.bricks.dynamo.TableDefinition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Each builder's event goes through core's real handler for its trigger. */
class TriggerEventsTest {

    @Test
    void dynamoDbStream_insertModifyRemove_parsedInOrderAndFailureReportedBySequenceNumber() {
        List<StreamRecord> seen = new CopyOnWriteArrayList<>();
        DynamoDbStreamHandler handler = new DynamoDbStreamHandler() {
            @Override
            protected void handleRecord(StreamRecord record, Context context) {
                seen.add(record);
                if (record.eventName() == OperationType.REMOVE) {
                    throw new IllegalStateException("cannot remove");
                }
            }
        };
        DynamoDbStreamEvents events = DynamoDbStreamEvents.table("orders")
                .insert(Map.of("PK", "O#1", "SK", "O", "total", new BigDecimal("42.50"), "tags", Set.of("a")))
                .modify(Map.of("PK", "O#1", "SK", "O", "paid", false), Map.of("PK", "O#1", "SK", "O", "paid", true))
                .remove(Map.of("PK", "O#0", "SK", "O"));
        String failing = events.lastSequenceNumber();

        BricksAssertions.assertThat(TestInvoker.invoke(handler, events.build()).batch())
                .hasFailedItems(failing);

        assertThat(seen)
                .extracting(StreamRecord::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(seen.get(0).keys()).containsOnlyKeys("PK", "SK");
        assertThat(seen.get(0).newImage().get("total")).isEqualTo(new AttributeValue.N("42.50"));
        assertThat(seen.get(1).oldImage().get("paid")).isEqualTo(new AttributeValue.BOOL(false));
        assertThat(seen.get(2).eventSourceArn())
                .startsWith("arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/");
    }

    @Test
    void dynamoDbStream_entityImage_isTheItemTheRepositoryWrites() {
        try (DynamoDbClient unused =
                DynamoDbClient.builder().region(Region.US_EAST_1).build()) {
            DynamoTable table = DynamoTable.builder(unused, TableDefinition.derive("app", OrderSchema.SCHEMA))
                    .build();
            var image = EntityImages.of(table.repository(OrderSchema.SCHEMA), new Order("o-1", "u-1", 2, null));
            List<StreamRecord> seen = new CopyOnWriteArrayList<>();
            DynamoDbStreamHandler handler = new DynamoDbStreamHandler() {
                @Override
                protected void handleRecord(StreamRecord record, Context context) {
                    seen.add(record);
                }
            };

            TestInvoker.invoke(
                    handler, DynamoDbStreamEvents.table("app").insert(image).build());

            assertThat(seen.get(0).keys())
                    .containsEntry("PK", new AttributeValue.S("ORDER#o-1"))
                    .containsEntry("SK", new AttributeValue.S("ORDER"));
            assertThat(seen.get(0).newImage()).containsEntry("userId", new AttributeValue.S("u-1"));
        }
    }

    @Test
    void dynamoDbStream_imageWithoutKeys_failsNamingTheKeys() {
        assertThatThrownBy(() -> DynamoDbStreamEvents.table("t").insert(Map.of("id", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[PK, SK]");
    }

    @Test
    void eventBridge_typedDetail_takesSourceAndTypeFromItsAnnotation() {
        List<EventBridgeEvent<OrderPlaced>> seen = new CopyOnWriteArrayList<>();
        EventBridgeHandler<OrderPlaced> handler = new EventBridgeHandler<>(OrderPlaced.class) {
            @Override
            protected void handle(EventBridgeEvent<OrderPlaced> event, Context context) {
                seen.add(event);
            }
        };

        TestInvoker.invoke(
                handler,
                EventBridgeEvents.of(new OrderPlaced("o-1", "u-1", 2)).id("e-1").build());

        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("orders.app");
            assertThat(e.detailType()).isEqualTo("OrderPlaced");
            assertThat(e.id()).isEqualTo("e-1");
            assertThat(e.detail()).isEqualTo(new OrderPlaced("o-1", "u-1", 2));
        });
    }

    @Test
    void eventBridge_mapDetailWithoutSource_failsNamingTheFix() {
        assertThatThrownBy(() -> EventBridgeEvents.of(Map.of("a", 1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set source(…) and detailType(…)");
    }

    @Test
    void s3_keyWithSpacesAndAccents_isEncodedAsS3DoesAndDecodedByTheHandler() {
        List<S3Record> seen = new CopyOnWriteArrayList<>();
        S3Handler handler = new S3Handler() {
            @Override
            protected void handleRecord(S3Record record, Context context) {
                seen.add(record);
            }
        };

        TestInvoker.invoke(
                handler,
                S3Events.bucket("photos")
                        .created("uploads/my holiday é+1.jpg", 1234, "\"9b2cf535f27731c974343645a3985328\"")
                        .removed("uploads/old.jpg")
                        .build());

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).rawKey()).isEqualTo("uploads/my+holiday+%C3%A9%2B1.jpg");
        assertThat(seen.get(0).key()).isEqualTo("uploads/my holiday é+1.jpg");
        assertThat(seen.get(0).eTag()).isEqualTo("9b2cf535f27731c974343645a3985328");
        assertThat(seen.get(0).size()).isEqualTo(1234);
        assertThat(seen.get(1).isObjectRemoved()).isTrue();
    }

    @Test
    void sqs_batchWithABadMessage_reportsOnlyThatMessage() {
        record Email(String to) {}
        List<String> sent = new CopyOnWriteArrayList<>();
        SqsHandler handler = new SqsHandler() {
            @Override
            protected void handleMessage(SqsMessage message, Context context) {
                sent.add(message.bodyAs(Email.class).to());
            }
        };
        SqsEvents batch = SqsEvents.queue("emails").message(new Email("ana@example.com"));
        batch.message("{\"to\":");
        String bad = batch.lastMessageId();
        batch.messageWithAttributes(new Email("bo@example.com"), Map.of("correlation_id", "c-1"));

        assertThat(TestInvoker.invoke(handler, batch.build()).batch()).hasFailedItems(bad);
        assertThat(sent).containsExactly("ana@example.com", "bo@example.com");
    }

    @Test
    void sqs_fifo_carriesGroupIds() {
        List<SqsMessage> seen = new CopyOnWriteArrayList<>();
        SqsHandler handler = new SqsHandler() {
            @Override
            protected void handleMessage(SqsMessage message, Context context) {
                seen.add(message);
            }
        };

        assertThat(TestInvoker.invoke(
                                handler,
                                SqsEvents.fifoQueue("orders.fifo")
                                        .message("g1", "a")
                                        .message("g2", "b")
                                        .build())
                        .batch())
                .hasNoFailures();
        assertThat(seen).extracting(m -> m.messageGroupId().orElseThrow()).containsExactly("g1", "g2");
        assertThatThrownBy(() -> SqsEvents.fifoQueue("orders")).hasMessageContaining("ends with .fifo");
    }
}
