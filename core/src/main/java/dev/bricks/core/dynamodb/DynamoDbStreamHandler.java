package dev.bricks.core.dynamodb;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.BatchResponse;
import dev.bricks.core.BricksHandler;
import dev.bricks.core.Correlation;
import dev.bricks.core.internal.RecordLoop;
import dev.bricks.core.spi.InvocationInfo;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base class of a Lambda function consuming a DynamoDB stream, one record at a time, with partial batch
 * failure (enable {@code ReportBatchItemFailures} on the event source mapping).
 *
 * <pre>{@code
 * public final class SendOrderEmail extends DynamoDbStreamHandler {
 *     @Override
 *     protected void handleRecord(StreamRecord record, Context context) {
 *         if (record.eventName() == OperationType.INSERT) {
 *             mailer.orderReceived(record.stringAttribute("orderId").orElseThrow());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>A batch comes from one shard in sequence order. When a record fails, processing stops: the response
 * reports that record's sequence number only, and the later records are not processed. Lambda checkpoints
 * before the lowest reported sequence number and redelivers the failed record and everything after it, so
 * reporting the later ones too would add nothing; processing them would break the per-item order.
 *
 * <p>The correlation id of each record is the {@link #correlationAttribute()} string attribute
 * ({@value Correlation#ITEM_ATTRIBUTE} by default, the attribute bricks-dynamo-single-table writes) of its new image
 * (else old image), else its {@code eventID}; it is set while that record is processed (the invocation's is the
 * first record's).
 */
public abstract class DynamoDbStreamHandler extends BricksHandler<DynamoDbStreamEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DynamoDbStreamHandler.class);

    /** Constructs the handler; see {@link BricksHandler} for the lifecycle. */
    protected DynamoDbStreamHandler() {}

    /**
     * Processes one record. Throw to report it (and stop the batch).
     *
     * @param record the record; never null
     * @param context Lambda's context; may be null off Lambda
     */
    protected abstract void handleRecord(StreamRecord record, Context context) throws Exception;

    @Override
    protected final InvocationInfo.Trigger trigger() {
        return InvocationInfo.Trigger.DYNAMODB_STREAM;
    }

    @Override
    protected final Parsed<DynamoDbStreamEvent> parseEvent(byte[] raw) {
        DynamoDbStreamEvent event = StreamParser.parse(raw);
        return new Parsed<>(event, RecordLoop.firstCorrelation(event.records(), this::correlationId));
    }

    @Override
    protected final Object invoke(DynamoDbStreamEvent event, Context context) {
        List<StreamRecord> records = event.records();
        List<String> failed = new ArrayList<>(1);
        RecordLoop.run(records, this::correlationId, record -> handleRecord(record, context), (i, record, e) -> {
            LOG.error(
                    "bricks: DynamoDB stream record {} (sequence number {}) failed; {} later record(s) "
                            + "left for redelivery: {}",
                    record.eventId(),
                    record.sequenceNumber(),
                    records.size() - i - 1,
                    e.toString(),
                    e);
            failed.add(record.sequenceNumber());
            return false;
        });
        return BatchResponse.failing(failed);
    }

    /**
     * The item attribute that carries a record's correlation id; override when the writer stores it under another
     * name (e.g. {@code DynamoTable.builder(…).correlationAttribute("cid")}).
     *
     * @return the attribute name; never null
     */
    protected String correlationAttribute() {
        return Correlation.ITEM_ATTRIBUTE;
    }

    private String correlationId(StreamRecord record) {
        return record.stringAttribute(correlationAttribute())
                .filter(s -> !s.isBlank())
                .orElse(record.eventId());
    }
}
