package dev.bricks.core.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.Correlation;
import dev.bricks.core.Fixtures;
import dev.bricks.core.InvalidEventException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoDbStreamHandlerTest {

    static final class Recorder extends DynamoDbStreamHandler {
        final List<String> processed = new ArrayList<>();
        final List<String> correlations = new ArrayList<>();
        final OperationType failOn;

        Recorder(OperationType failOn) {
            this.failOn = failOn;
        }

        @Override
        protected void handleRecord(StreamRecord record, Context context) {
            correlations.add(Correlation.current().orElseThrow());
            if (record.eventName() == failOn) {
                throw new IllegalStateException("cannot handle " + record.eventId());
            }
            processed.add(record.eventId());
        }
    }

    @Test
    void parse_documentedFixture_readsEnvelopeAndEveryAttributeType() {
        DynamoDbStreamEvent event = StreamParser.parse(Fixtures.event("dynamodb-stream.json"));

        assertThat(event.records())
                .extracting(StreamRecord::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        StreamRecord insert = event.records().get(0);
        assertThat(insert.eventId()).isEqualTo("c4ca4238a0b923820dcc509a6f75849b");
        assertThat(insert.sequenceNumber()).isEqualTo("4421584500000000017450439091");
        assertThat(insert.sizeBytes()).isEqualTo(26);
        assertThat(insert.streamViewType()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(insert.awsRegion()).isEqualTo("us-east-1");
        assertThat(insert.approximateCreationDateTime()).isEqualTo(Instant.ofEpochSecond(1479499740));
        assertThat(insert.eventSourceArn()).endsWith("table/Orders/stream/2016-11-16T20:42:48.104");
        assertThat(insert.keys())
                .isEqualTo(
                        Map.of("PK", new AttributeValue.S("ORDER#ord_1"), "SK", new AttributeValue.S("ORDER#ord_1")));
        assertThat(insert.oldImage()).isEmpty();
        Map<String, AttributeValue> image = insert.newImage();
        assertThat(image.get("orderId")).isEqualTo(new AttributeValue.S("ord_1"));
        assertThat(((AttributeValue.N) image.get("total")).bigDecimal()).isEqualByComparingTo(new BigDecimal("42.50"));
        assertThat(image.get("paid")).isEqualTo(new AttributeValue.BOOL(true));
        assertThat(image.get("note")).isEqualTo(new AttributeValue.NULL());
        assertThat(image.get("thumbnail")).isEqualTo(new AttributeValue.B("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(image.get("tags")).isEqualTo(new AttributeValue.SS(List.of("gift", "express")));
        assertThat(image.get("quantities")).isEqualTo(new AttributeValue.NS(List.of("1", "2")));
        assertThat(image.get("blobs")).isEqualTo(new AttributeValue.BS(List.of(new byte[] {1, 2})));
        assertThat(image.get("items"))
                .isEqualTo(new AttributeValue.L(List.of(new AttributeValue.M(
                        Map.of("sku", new AttributeValue.S("BOOK-1"), "quantity", new AttributeValue.N("2"))))));
        assertThat(image.get("address"))
                .isEqualTo(new AttributeValue.M(Map.of("city", new AttributeValue.S("Lisbon"))));
        StreamRecord modify = event.records().get(1);
        assertThat(modify.oldImage().get("status")).isEqualTo(new AttributeValue.S("PLACED"));
        assertThat(modify.newImage().get("status")).isEqualTo(new AttributeValue.S("SHIPPED"));
        StreamRecord remove = event.records().get(2);
        assertThat(remove.newImage()).isEmpty();
        assertThat(remove.isTtlDeletion()).isTrue();
        assertThat(insert.isTtlDeletion()).isFalse();
    }

    @Test
    void handleRequest_middleRecordFails_reportsItsSequenceNumberAndSkipsLater() {
        Recorder handler = new Recorder(OperationType.MODIFY);

        String response = Fixtures.run(handler, Fixtures.event("dynamodb-stream.json"));

        assertThat(response)
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584500000000017450439092\"}]}");
        assertThat(handler.processed).containsExactly("c4ca4238a0b923820dcc509a6f75849b");
    }

    @Test
    void handleRequest_allSucceed_reportsNoFailure() {
        Recorder handler = new Recorder(null);

        assertThat(Fixtures.run(handler, Fixtures.event("dynamodb-stream.json")))
                .isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(handler.processed).hasSize(3);
    }

    @Test
    void handleRequest_correlationPerRecord_imageAttributeElseEventId() {
        Recorder handler = new Recorder(null);

        Fixtures.run(handler, Fixtures.event("dynamodb-stream.json"));

        assertThat(handler.correlations)
                .containsExactly("corr-ddb-1", "c81e728d9d4c2f636f067f89cc14862c", "corr-ddb-3");
        assertThat(Correlation.current()).isEmpty();
    }

    @Test
    void parse_unknownAttributeType_failsNamingAttribute() {
        String event = new String(Fixtures.event("dynamodb-stream.json"), StandardCharsets.UTF_8)
                .replace("\"paid\": {\"BOOL\": true}", "\"paid\": {\"X\": true}");

        assertThatThrownBy(() -> StreamParser.parse(event.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("NewImage.paid")
                .hasMessageContaining("unknown attribute type 'X'");
    }

    @Test
    void attributeValueN_notANumber_isRejected() {
        assertThatThrownBy(() -> new AttributeValue.N("12a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12a");
    }
}
