package dev.bricks.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.core.sqs.SqsHandler;
import dev.bricks.core.sqs.SqsMessage;
import dev.bricks.local.dynamodb.LocalDynamoDbExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Per-record idempotency inside a batch handler, combined with partial batch failures. */
class RecordHandlersTest {

    @RegisterExtension
    static final LocalDynamoDbExtension DYNAMO = LocalDynamoDbExtension.perClass();

    private static final ObjectMapper JSON = new ObjectMapper();

    record OrderEmail(String orderId, String email) {}

    /** Sends one mail per order, whatever the queue redelivers; mails to "fail@…" fail. */
    static final class SendOrderEmail extends SqsHandler {
        final Map<String, AtomicInteger> mails = new ConcurrentHashMap<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();
        private final Idempotency idempotency;

        SendOrderEmail(Idempotency idempotency) {
            this.idempotency = idempotency;
        }

        @Override
        protected void handleMessage(SqsMessage message, Context context) {
            OrderEmail mail = message.bodyAs(OrderEmail.class);
            idempotency.sqsMessage(message, context, m -> mail.orderId(), () -> {
                if (failing.contains(mail.orderId())) {
                    throw new IllegalStateException("SMTP refused " + mail.email());
                }
                mails.computeIfAbsent(mail.orderId(), k -> new AtomicInteger()).incrementAndGet();
            });
        }
    }

    private DynamoDbClient client;
    private SendOrderEmail handler;

    @BeforeEach
    void setUp() {
        client = Engine.client(DYNAMO.engine(), new Engine.CallCounter());
        handler = new SendOrderEmail(Idempotency.builder(client, Engine.table(client))
                .namespace("mail")
                .build());
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void sqsMessage_batchWithFailureRedeliveredTwice_oneMailPerOrderAndOnlyTheFailedReported() throws Exception {
        handler.failing.add("o-2");
        List<String> batch = List.of(message("m-1", "o-1"), message("m-2", "o-2"), message("m-3", "o-3"));

        assertThat(invoke(batch)).containsExactly("m-2");
        assertThat(invoke(batch)).containsExactly("m-2"); // whole batch again (visibility timeout): still only m-2
        handler.failing.clear();
        assertThat(invoke(List.of(message("m-2", "o-2"), message("m-4", "o-1"))))
                .isEmpty(); // m-4: o-1 sent again

        assertThat(handler.mails).containsOnlyKeys("o-1", "o-2", "o-3");
        assertThat(handler.mails.values()).allSatisfy(n -> assertThat(n).hasValue(1));
    }

    private static String message(String id, String orderId) throws IOException {
        return """
                {"messageId":"%s","receiptHandle":"rh","body":%s,"attributes":{"ApproximateReceiveCount":"1"},
                 "messageAttributes":{},"md5OfBody":"x","eventSource":"aws:sqs",
                 "eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:mail","awsRegion":"us-east-1"}
                """.formatted(
                id,
                JSON.writeValueAsString(JSON.writeValueAsString(new OrderEmail(orderId, orderId + "@example.com"))));
    }

    private List<String> invoke(List<String> messages) throws IOException {
        String event = "{\"Records\":[" + String.join(",", messages) + "]}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        List<String> failed = new ArrayList<>();
        JSON.readTree(out.toByteArray())
                .path("batchItemFailures")
                .forEach(f -> failed.add(f.get("itemIdentifier").asText()));
        return failed;
    }
}
