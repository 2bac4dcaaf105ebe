package dev.bricks.outbox;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.BatchResponse;
import dev.bricks.core.BricksHandler;
import dev.bricks.core.Correlation;
import dev.bricks.core.dynamodb.DynamoDbStreamEvent;
import dev.bricks.core.dynamodb.StreamRecord;
import dev.bricks.core.spi.InvocationInfo;
import dev.bricks.events.EventPublisher;
import dev.bricks.events.PreparedEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relaying half of the transactional outbox: a Lambda function on the table's DynamoDB stream that publishes
 * outbox items ({@link Outbox}) to EventBridge. Deploy it as is — handler {@code dev.bricks.outbox.OutboxRelay},
 * no code — with these environment variables:
 * <ul>
 *   <li>{@value #ENV_EVENT_BUS}: the bus name or ARN (default {@value EventPublisher#DEFAULT_EVENT_BUS});</li>
 *   <li>{@code AWS_REGION} (set by Lambda); {@code AWS_ENDPOINT_URL_EVENTBRIDGE} to point it elsewhere (bricks-local).</li>
 * </ul>
 * and an event source mapping on the table's stream with {@code FunctionResponseTypes: [ReportBatchItemFailures]},
 * ideally filtered to outbox inserts ({@code {"eventName":["INSERT"],"dynamodb":{"NewImage":{"_outbox_event_id":
 * {"S":[{"exists":true}]}}}}}) and with a retry limit and an on-failure destination.
 *
 * <p>Guarantees: each outbox item is published at least once, as {@link PreparedEvent the event
 * rendered in the writing invocation} (same detail JSON with {@code _correlation_id} and the stable
 * {@code _event_id}, same trace header), so a redelivered batch publishes the same entries and consumers deduplicate
 * by {@code _event_id}. The events of one aggregate are published in write order: one per aggregate per PutEvents
 * round, and an aggregate stops at its first failure (its record is reported; Lambda redelivers from there).
 *
 * <p>Thread-safe: the publisher is shared, each invocation's state is its own.
 */
public final class OutboxRelay extends BricksHandler<DynamoDbStreamEvent> {

    /** Environment variable naming the event bus: {@value}. */
    public static final String ENV_EVENT_BUS = "BRICKS_OUTBOX_EVENT_BUS";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final EventPublisher publisher;

    /** The relay as Lambda creates it: configured by the environment variables above. */
    public OutboxRelay() {
        this(publisherFrom(System.getenv()));
    }

    /**
     * A relay publishing through {@code publisher} (tests, or a publisher with other options).
     *
     * @param publisher used for every batch, not closed by the relay; never null
     */
    public OutboxRelay(EventPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    static EventPublisher publisherFrom(Map<String, String> env) {
        String bus = env.getOrDefault(ENV_EVENT_BUS, EventPublisher.DEFAULT_EVENT_BUS);
        return EventPublisher.builder().eventBusName(bus).build();
    }

    @Override
    protected InvocationInfo.Trigger trigger() {
        return InvocationInfo.Trigger.DYNAMODB_STREAM;
    }

    @Override
    protected Parsed<DynamoDbStreamEvent> parseEvent(byte[] raw) {
        DynamoDbStreamEvent event = DynamoDbStreamEvent.parse(raw);
        String correlationId = event.records().stream()
                .map(r -> r.stringAttribute(Correlation.ITEM_ATTRIBUTE).orElse(null))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return new Parsed<>(event, correlationId);
    }

    @Override
    protected Object invoke(DynamoDbStreamEvent event, Context context) {
        List<StreamRecord> records = event.records();
        RelayBatch batch = new RelayBatch(publisher::publishAll);
        List<String> failed = batch.relay(records);
        LOG.info(
                "bricks-outbox: {} record(s), {} event(s) published in {} PutEvents call(s), {} record(s) reported "
                        + "for redelivery",
                records.size(),
                batch.published(),
                batch.putEventsCalls(),
                failed.size());
        return BatchResponse.failing(failed);
    }
}
