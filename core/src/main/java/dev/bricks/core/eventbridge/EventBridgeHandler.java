package dev.bricks.core.eventbridge;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.BricksHandler;
import dev.bricks.core.Correlation;
import dev.bricks.core.InvalidEventException;
import dev.bricks.core.internal.JsonValue;
import dev.bricks.core.internal.TypeArguments;
import dev.bricks.core.spi.InvocationInfo;
import dev.bricks.core.validation.Validator;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base class of a Lambda function that an EventBridge rule invokes, with the event's {@code detail} bound to
 * a record type {@code T}.
 *
 * <pre>{@code
 * public final class UpdateInventory extends EventBridgeHandler<OrderPlaced> {
 *     @Override
 *     protected void handle(EventBridgeEvent<OrderPlaced> event, Context context) {
 *         inventory.reserve(event.detail().orderId(), event.detail().itemCount());
 *     }
 * }
 * }</pre>
 *
 * <p>The detail type is resolved once, at construction, from the subclass's type argument (or given to the
 * constructor); its validator ({@link Validator}) is built then too. An event whose source or detail-type
 * is not the handler's {@link EventType} is rejected first ({@link UnexpectedEventTypeException}). A detail
 * that is malformed, does not fit {@code T} or fails validation (every wrong member is named) is logged with the
 * event id and the problem, and the invocation fails with an {@link InvalidEventException} so that the rule's
 * retry policy and dead-letter queue apply. The correlation id is the detail member
 * {@value Correlation#EVENT_DETAIL_FIELD}, else the event id.
 *
 * <p>A {@code detail} declared as {@code java.util.Map} receives the members as plain Java values.
 *
 * @param <T> the detail type
 */
public abstract class EventBridgeHandler<T> extends BricksHandler<EventBridgeEvent<T>> {

    private static final Logger LOG = LoggerFactory.getLogger(EventBridgeHandler.class);

    private final EventBridgeParser<T> parser;

    /** Resolves the detail type from the subclass's declaration {@code extends EventBridgeHandler<T>}. */
    @SuppressWarnings("unchecked")
    protected EventBridgeHandler() {
        Class<T> detailType = (Class<T>) TypeArguments.firstArgument(getClass(), EventBridgeHandler.class);
        this.parser = new EventBridgeParser<>(detailType, accepted(getClass(), detailType));
    }

    /** Uses the given detail type (for generic subclasses). */
    protected EventBridgeHandler(Class<T> detailType) {
        Objects.requireNonNull(detailType, "detailType");
        this.parser = new EventBridgeParser<>(detailType, accepted(getClass(), detailType));
    }

    /** The {@link EventType} of the handler class, else of the detail type, else null (every event). */
    private static EventType accepted(Class<?> handlerType, Class<?> detailType) {
        EventType onHandler = handlerType.getAnnotation(EventType.class);
        return onHandler != null ? onHandler : detailType.getAnnotation(EventType.class);
    }

    /**
     * Handles one event. Throw to fail the invocation (EventBridge then retries per the target's policy).
     *
     * @param event the event with its bound and validated detail; never null
     * @param context Lambda's context; may be null off Lambda
     */
    protected abstract void handle(EventBridgeEvent<T> event, Context context) throws Exception;

    /** The detail type this handler binds to. */
    protected final Class<T> detailType() {
        return parser.detailType();
    }

    @Override
    protected final InvocationInfo.Trigger trigger() {
        return InvocationInfo.Trigger.EVENTBRIDGE;
    }

    @Override
    protected final Parsed<EventBridgeEvent<T>> parseEvent(byte[] raw) {
        try {
            return parser.parse(raw);
        } catch (InvalidEventException e) {
            LOG.error("bricks: rejected EventBridge event: {}", e.getMessage());
            throw e;
        }
    }

    @Override
    protected final Object invoke(EventBridgeEvent<T> event, Context context) throws Exception {
        handle(event, context);
        return null;
    }

    /** The correlation rule, exposed for tests and the local runtime: detail member, else event id. */
    static String correlationId(JsonValue detail, String eventId) {
        if (detail != null) {
            JsonValue value = detail.get(Correlation.EVENT_DETAIL_FIELD);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return eventId;
    }
}
