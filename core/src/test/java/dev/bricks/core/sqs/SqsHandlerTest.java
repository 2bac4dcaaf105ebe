package dev.bricks.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.Correlation;
import dev.bricks.core.Fixtures;
import dev.bricks.core.InvalidEventException;
import dev.bricks.core.RecordingListener;
import dev.bricks.core.validation.NotBlank;
import dev.bricks.core.validation.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsHandlerTest {

    record OrderEmail(
            @NotBlank String orderId,
            @Pattern(regexp = ".+@.+") String email) {}

    /** Fails every message whose email starts with "fail". */
    static final class Mailer extends SqsHandler {
        final List<String> processed = new ArrayList<>();
        final List<String> correlations = new ArrayList<>();

        @Override
        protected void handleMessage(SqsMessage message, Context context) {
            correlations.add(Correlation.current().orElseThrow());
            OrderEmail email = message.bodyAs(OrderEmail.class);
            if (email.email().startsWith("fail")) {
                throw new IllegalStateException("mail server refused " + email.orderId());
            }
            processed.add(email.orderId());
        }
    }

    @Test
    void parse_documentedFixture_readsEveryMember() {
        SqsEvent event = SqsHandler.parse(Fixtures.event("sqs-batch.json"));

        assertThat(event.records()).hasSize(3);
        assertThat(event.isFifo()).isFalse();
        SqsMessage first = event.records().get(0);
        assertThat(first.messageId()).isEqualTo("059f36b4-87a3-44ab-83d2-661975830a7d");
        assertThat(first.receiptHandle()).startsWith("AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a");
        assertThat(first.body()).isEqualTo("{\"orderId\":\"ord_1\",\"email\":\"ana@example.com\"}");
        assertThat(first.attributes()).containsEntry("SentTimestamp", "1545082649183");
        assertThat(first.approximateReceiveCount()).isEqualTo(1);
        assertThat(first.stringAttribute("correlation_id")).contains("corr-sqs-1");
        assertThat(first.messageAttributes().get("correlation_id").dataType()).isEqualTo("String");
        assertThat(first.md5OfBody()).isEqualTo("e4e68fb7bd0e697a0ae8f1bb342846b3");
        assertThat(first.eventSourceArn()).isEqualTo("arn:aws:sqs:us-east-2:123456789012:my-queue");
        assertThat(first.awsRegion()).isEqualTo("us-east-2");
        assertThat(first.messageGroupId()).isEmpty();
        assertThat(event.records().get(1).approximateReceiveCount()).isEqualTo(3);
        assertThat(event.records().get(2).messageAttributes().get("trace").binaryValue())
                .isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(first.bodyAs(OrderEmail.class)).isEqualTo(new OrderEmail("ord_1", "ana@example.com"));
    }

    @Test
    void handleRequest_standardQueueOneFails_reportsItsIdAndProcessesTheOthers() {
        Mailer handler = new Mailer();

        String response = Fixtures.run(handler, Fixtures.event("sqs-batch.json"));

        assertThat(response)
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"}]}");
        assertThat(handler.processed).containsExactly("ord_1", "ord_3");
    }

    @Test
    void handleRequest_fifoQueueOneFails_stopsAndReportsItAndAllLater() {
        Mailer handler = new Mailer();

        String response = Fixtures.run(handler, Fixtures.event("sqs-fifo-batch.json"));

        assertThat(response)
                .isEqualTo("{\"batchItemFailures\":["
                        + "{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"},"
                        + "{\"itemIdentifier\":\"d9144555-9a4f-4ec3-99a0-fc4e625a8db2\"}]}");
        assertThat(handler.processed).containsExactly("ord_1");
        assertThat(SqsHandler.parse(Fixtures.event("sqs-fifo-batch.json"))
                        .records()
                        .get(0)
                        .messageGroupId())
                .contains("user-42");
    }

    @Test
    void handleRequest_allSucceed_reportsEmptyList() {
        Mailer handler = new Mailer();
        String event = new String(Fixtures.event("sqs-batch.json"), StandardCharsets.UTF_8).replace("fail@", "ok@");

        assertThat(Fixtures.run(handler, event)).isEqualTo("{\"batchItemFailures\":[]}");
    }

    @Test
    void handleRequest_correlationPerMessage_attributeElseMessageId() {
        RecordingListener.CALLS.clear();
        Mailer handler = new Mailer();

        Fixtures.run(handler, Fixtures.event("sqs-batch.json"));

        assertThat(handler.correlations)
                .containsExactly(
                        "corr-sqs-1", "2e1424d4-f796-459a-8184-9c92662be6da", "d9144555-9a4f-4ec3-99a0-fc4e625a8db2");
        assertThat(RecordingListener.CALLS.get(0).info().correlationId()).isEqualTo("corr-sqs-1");
        assertThat(Correlation.current()).isEmpty();
    }

    @Test
    void handleRequest_invalidBody_isReportedAsFailedItem() {
        Mailer handler = new Mailer();
        String event = new String(Fixtures.event("sqs-batch.json"), StandardCharsets.UTF_8)
                .replace("bo@example.com", "not-an-email");

        String response = Fixtures.run(handler, event);

        assertThat(response).contains("d9144555-9a4f-4ec3-99a0-fc4e625a8db2");
        assertThatThrownBy(() -> SqsHandler.parse(event.getBytes(StandardCharsets.UTF_8))
                        .records()
                        .get(2)
                        .bodyAs(OrderEmail.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("d9144555")
                .hasMessageContaining("email must match .+@.+");
    }

    @Test
    void parse_notAnSqsEvent_failsNamingRecords() {
        assertThatThrownBy(() -> SqsHandler.parse("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("'Records'");
    }
}
