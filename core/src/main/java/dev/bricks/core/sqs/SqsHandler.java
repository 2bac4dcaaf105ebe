package dev.bricks.core.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.BatchResponse;
import dev.bricks.core.BricksHandler;
import dev.bricks.core.Correlation;
import dev.bricks.core.InvalidEventException;
import dev.bricks.core.internal.JsonValue;
import dev.bricks.core.internal.Nodes;
import dev.bricks.core.internal.RecordLoop;
import dev.bricks.core.spi.InvocationInfo;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base class of a Lambda function consuming an SQS queue, one message at a time, with partial batch
 * failure: the response lists the failed messages' ids so that only they return to the queue (enable
 * {@code ReportBatchItemFailures} on the event source mapping).
 *
 * <pre>{@code
 * public final class SendOrderEmail extends SqsHandler {
 *     @Override
 *     protected void handleMessage(SqsMessage message, Context context) {
 *         mailer.send(message.bodyAs(OrderEmail.class));
 *     }
 * }
 * }</pre>
 *
 * <p>Standard queue: a failing message is logged and reported, the others are still processed. FIFO queue:
 * processing stops at the first failure, which is reported together with every later message of the batch,
 * so that order within a message group is kept.
 *
 * <p>The correlation id of each message is its {@value Correlation#SQS_MESSAGE_ATTRIBUTE} message attribute,
 * else its message id; it is set while that message is processed (the invocation's is the first message's).
 */
public abstract class SqsHandler extends BricksHandler<SqsEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SqsHandler.class);

    /** Constructs the handler; see {@link BricksHandler} for the lifecycle. */
    protected SqsHandler() {}

    /**
     * Processes one message. Throw to report it as failed.
     *
     * @param message the message; never null
     * @param context Lambda's context; may be null off Lambda
     */
    protected abstract void handleMessage(SqsMessage message, Context context) throws Exception;

    @Override
    protected final InvocationInfo.Trigger trigger() {
        return InvocationInfo.Trigger.SQS;
    }

    @Override
    protected final Parsed<SqsEvent> parseEvent(byte[] raw) {
        SqsEvent event = parse(raw);
        return new Parsed<>(event, RecordLoop.firstCorrelation(event.records(), SqsHandler::correlationId));
    }

    @Override
    protected final Object invoke(SqsEvent event, Context context) {
        List<String> failed = new ArrayList<>();
        boolean fifo = event.isFifo();
        List<SqsMessage> records = event.records();
        RecordLoop.run(
                records, SqsHandler::correlationId, message -> handleMessage(message, context), (i, message, e) -> {
                    LOG.error("bricks: SQS message {} failed: {}", message.messageId(), e.toString(), e);
                    failed.add(message.messageId());
                    if (fifo) {
                        for (int j = i + 1; j < records.size(); j++) {
                            failed.add(records.get(j).messageId());
                        }
                    }
                    return !fifo;
                });
        return BatchResponse.failing(failed);
    }

    static String correlationId(SqsMessage message) {
        return message.stringAttribute(Correlation.SQS_MESSAGE_ATTRIBUTE)
                .filter(s -> !s.isBlank())
                .orElse(message.messageId());
    }

    static SqsEvent parse(byte[] raw) {
        JsonValue root = Nodes.eventTree(raw, "SQS event");
        JsonValue records = Nodes.records(root, "SQS event");
        List<SqsMessage> messages = new ArrayList<>(records.size());
        for (JsonValue r : records) {
            Map<String, SqsMessage.MessageAttribute> attributes = new LinkedHashMap<>();
            JsonValue attrs = Nodes.object(r, "messageAttributes");
            if (attrs != null) {
                for (Iterator<Map.Entry<String, JsonValue>> it = attrs.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonValue> e = it.next();
                    String binary = Nodes.text(e.getValue(), "binaryValue");
                    byte[] bytes;
                    try {
                        bytes = binary == null ? null : Base64.getDecoder().decode(binary);
                    } catch (IllegalArgumentException ex) {
                        throw new InvalidEventException(
                                "SQS message attribute '" + e.getKey() + "': binaryValue is not base64");
                    }
                    attributes.put(
                            e.getKey(),
                            new SqsMessage.MessageAttribute(
                                    String.valueOf(Nodes.text(e.getValue(), "dataType")),
                                    Nodes.text(e.getValue(), "stringValue"),
                                    bytes));
                }
            }
            messages.add(new SqsMessage(
                    Nodes.required(r, "messageId", "SQS record"),
                    Nodes.text(r, "receiptHandle"),
                    Nodes.text(r, "body"),
                    Nodes.stringMap(r, "attributes"),
                    attributes,
                    Nodes.text(r, "md5OfBody"),
                    Nodes.text(r, "eventSourceARN"),
                    Nodes.text(r, "awsRegion")));
        }
        return new SqsEvent(messages);
    }
}
