package dev.bricks.core.s3;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.BricksHandler;
import dev.bricks.core.InvalidEventException;
import dev.bricks.core.internal.JsonValue;
import dev.bricks.core.internal.Nodes;
import dev.bricks.core.internal.RecordLoop;
import dev.bricks.core.spi.InvocationInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Base class of a Lambda function that S3 event notifications invoke (asynchronously).
 *
 * <pre>{@code
 * public final class Thumbnail extends S3Handler {
 *     @Override
 *     protected void handleRecord(S3Record record, Context context) {
 *         if (record.isObjectCreated()) {
 *             thumbnails.create(record.bucket(), record.key());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Records are processed in order; the first failure fails the invocation (S3 invokes asynchronously, so
 * Lambda retries the whole event and then sends it to the function's failure destination). Keys are
 * URL-decoded. The correlation id of each record is its {@code x-amz-request-id}, else its sequencer.
 */
public abstract class S3Handler extends BricksHandler<S3Event> {

    /** Constructs the handler; see {@link BricksHandler} for the lifecycle. */
    protected S3Handler() {}

    /**
     * Processes one record. Throw to fail the invocation.
     *
     * @param record the record; never null
     * @param context Lambda's context; may be null off Lambda
     */
    protected abstract void handleRecord(S3Record record, Context context) throws Exception;

    @Override
    protected final InvocationInfo.Trigger trigger() {
        return InvocationInfo.Trigger.S3;
    }

    @Override
    protected final Parsed<S3Event> parseEvent(byte[] raw) {
        S3Event event = parse(raw);
        return new Parsed<>(event, RecordLoop.firstCorrelation(event.records(), S3Handler::correlationId));
    }

    @Override
    protected final Object invoke(S3Event event, Context context) throws Exception {
        RecordLoop.run(
                event.records(), S3Handler::correlationId, record -> handleRecord(record, context), (i, record, e) -> {
                    throw e;
                });
        return null;
    }

    static String correlationId(S3Record record) {
        if (record.requestId() != null && !record.requestId().isBlank()) {
            return record.requestId();
        }
        return record.sequencer() == null || record.sequencer().isBlank() ? null : record.sequencer();
    }

    static S3Event parse(byte[] raw) {
        JsonValue root = Nodes.eventTree(raw, "S3 event");
        JsonValue records = Nodes.records(root, "S3 event");
        List<S3Record> out = new ArrayList<>(records.size());
        for (JsonValue r : records) {
            JsonValue s3 = Nodes.object(r, "s3");
            JsonValue bucket = Nodes.object(s3, "bucket");
            JsonValue object = Nodes.object(s3, "object");
            if (bucket == null || object == null) {
                throw new InvalidEventException("S3 event record: missing member s3.bucket or s3.object");
            }
            String rawKey = Nodes.required(object, "key", "S3 event record");
            String key;
            try {
                key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException("S3 event record: object key is not URL-encoded: " + rawKey);
            }
            String time = Nodes.text(r, "eventTime");
            Instant eventTime;
            try {
                eventTime = time == null ? null : Instant.parse(time);
            } catch (DateTimeParseException e) {
                throw new InvalidEventException("S3 event record: eventTime is not an ISO-8601 instant: " + time);
            }
            JsonValue response = Nodes.object(r, "responseElements");
            out.add(new S3Record(
                    Nodes.required(r, "eventName", "S3 event record"),
                    eventTime,
                    Nodes.text(r, "awsRegion"),
                    Nodes.required(bucket, "name", "S3 event record bucket"),
                    Nodes.text(bucket, "arn"),
                    key,
                    rawKey,
                    Nodes.longValue(object, "size", 0),
                    Nodes.text(object, "eTag"),
                    Nodes.text(object, "versionId"),
                    Nodes.text(object, "sequencer"),
                    Nodes.text(response, "x-amz-request-id"),
                    Nodes.text(Nodes.object(r, "userIdentity"), "principalId"),
                    Nodes.text(Nodes.object(r, "requestParameters"), "sourceIPAddress"),
                    Nodes.text(s3, "configurationId")));
        }
        return new S3Event(out);
    }
}
