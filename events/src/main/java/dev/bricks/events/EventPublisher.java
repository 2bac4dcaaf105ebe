package dev.bricks.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.bricks.core.Correlation;
import dev.bricks.core.RetryPolicy;
import dev.bricks.core.TraceHeader;
import dev.bricks.core.json.Json;
import dev.bricks.core.json.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes typed events to EventBridge and loses none: events are sent in PutEvents calls of at most 10
 * entries and at most {@link Builder#maxRequestBytes(int) the request size limit}; entries that come back
 * with a retryable code ({@code InternalFailure}, {@code ThrottlingException}) are sent again following the
 * {@link Builder#retryPolicy(RetryPolicy) retry policy} (exponential backoff with jitter until its deadline);
 * whatever still fails is returned in the {@link PublishResult}, never dropped.
 *
 * <pre>{@code
 * static final EventPublisher EVENTS = EventPublisher.builder().eventBusName("orders").build();
 * ...
 * EVENTS.publish(new OrderPlaced(orderId, userId, 3)).orThrow();
 * }</pre>
 *
 * <p>Each entry's detail carries the current {@link Correlation} id as member
 * {@value Correlation#EVENT_DETAIL_FIELD} and the event's own id as member {@value #EVENT_ID_FIELD} (a detail that
 * already has a member of either name keeps its own value), and the entry carries the current X-Ray
 * {@link TraceHeader}. A {@link PreparedEvent} (an event rendered earlier, e.g. stored in an outbox) is sent
 * exactly as it was rendered, with its own ids and trace header.
 *
 * <p>Create one per execution environment (at init) and share it: thread-safe; {@code publish} blocks the
 * calling thread while it retries. Events of one call may be accepted in a different order when some are
 * retried (EventBridge does not order events anyway).
 */
public final class EventPublisher implements AutoCloseable {

    /** Default request size limit: 1 MB = 1 048 576 bytes (AWS' PutEvents limit since 29 January 2026). */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1_048_576;
    /** The former limit, 256 KB = 262 144 bytes, for buses or partitions still on it. */
    public static final int LEGACY_MAX_REQUEST_BYTES = 262_144;
    /** Default bus: {@code default}. */
    public static final String DEFAULT_EVENT_BUS = "default";
    /**
     * Default retry policy: {@link RetryPolicy#defaults()} — 5 s deadline from the start of a publish, 50 ms
     * before the first retry round doubling up to 1 s, full jitter.
     */
    public static final RetryPolicy DEFAULT_RETRY_POLICY = RetryPolicy.defaults();

    private static final Set<String> RETRYABLE_CODES = Set.of("InternalFailure", "ThrottlingException");
    /**
     * Member of every entry's {@code detail} holding the event's own id: a time-ordered UUID (version 7) minted
     * once per event, so the publisher's retries, and an outbox relay's redeliveries, send the same id and
     * consumers can deduplicate by it (EventBridge's envelope {@code id} is new on every PutEvents).
     */
    public static final String EVENT_ID_FIELD = "_event_id";

    private static final JsonFactory JSON = new JsonFactory();

    private final EventBridgeClient client;
    private final boolean ownsClient;
    private final String eventBusName;
    private final int maxRequestBytes;
    private final RetryPolicy retryPolicy;

    private EventPublisher(Builder b, EventBridgeClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.eventBusName = b.eventBusName;
        this.maxRequestBytes = b.maxRequestBytes;
        this.retryPolicy = b.retryPolicy;
    }

    /** A builder with the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Publishes one event: a {@link DomainEvent}-annotated object, an {@link OutgoingEvent} or a
     * {@link PreparedEvent}.
     *
     * @param event the event; never null
     * @param <E> the event's type, carried into the result
     * @return the outcome; never null
     * @throws EventRejectedException before any call, when the event cannot be sent at all
     */
    public <E> PublishResult<E> publish(E event) {
        return publishAll(List.of(Objects.requireNonNull(event, "event")));
    }

    /** Publishes a detail under an explicit source and detail-type; see {@link #publish(Object)}. */
    public PublishResult<OutgoingEvent> publish(String source, String detailType, Object detail) {
        return publish(OutgoingEvent.of(source, detailType, detail));
    }

    /**
     * Publishes events in as few PutEvents calls as the limits allow, retrying retryable failures as the
     * {@link Builder#retryPolicy(RetryPolicy) retry policy} allows. All events are checked first: if one is
     * rejected, none is sent.
     *
     * <pre>{@code
     * PublishResult<OrderPlaced> result = EVENTS.publishAll(orders);
     * for (FailedEvent<OrderPlaced> failed : result.failed()) {
     *     outbox.keep(failed.event());            // an OrderPlaced, no cast
     * }
     * }</pre>
     *
     * @param events {@link DomainEvent}-annotated objects, {@link OutgoingEvent}s and/or {@link PreparedEvent}s;
     *               no null element
     * @param <E> the element type (a {@link DomainEvent} record, {@link OutgoingEvent}, or a common supertype),
     *            carried into the result's {@link PublishedEvent#event()} and {@link FailedEvent#event()}
     * @return the outcome of each event; never null
     * @throws EventRejectedException before any call, naming the first event that cannot be sent
     */
    public <E> PublishResult<E> publishAll(Collection<? extends E> events) {
        Objects.requireNonNull(events, "events");
        Optional<String> correlationId = Correlation.current();
        Optional<String> traceHeader = TraceHeader.current();
        List<Entry<E>> pending = new ArrayList<>(events.size());
        int index = 0;
        for (E event : events) {
            pending.add(prepare(index++, event, correlationId, traceHeader));
        }
        return send(pending);
    }

    private <E> Entry<E> prepare(int index, E event, Optional<String> correlationId, Optional<String> traceHeader) {
        PreparedEvent prepared =
                event instanceof PreparedEvent p ? p : render(index, event, correlationId, traceHeader);
        PutEventsRequestEntry.Builder entry = PutEventsRequestEntry.builder()
                .source(prepared.source())
                .detailType(prepared.detailType())
                .detail(prepared.detail())
                .eventBusName(eventBusName);
        if (!prepared.resources().isEmpty()) {
            entry.resources(prepared.resources());
        }
        String header = prepared.traceHeaderValue().orElse(null);
        if (header != null) {
            entry.traceHeader(header);
        }
        PutEventsRequestEntry request = entry.build();
        long size = Entry.sizeOf(request);
        if (size > maxRequestBytes) {
            throw new EventTooLargeException(index, prepared.source(), prepared.detailType(), size, maxRequestBytes);
        }
        return new Entry<>(index, event, request, size, 0);
    }

    /** The event as it goes on the bus: source, detail-type, detail JSON with the ids spliced in, trace header. */
    static PreparedEvent render(int index, Object event, Optional<String> correlationId, Optional<String> traceHeader) {
        if (event == null) {
            throw new EventRejectedException(
                    EventRejectedException.Reason.NO_SOURCE_OR_DETAIL_TYPE, index, "null", null);
        }
        String source;
        String detailType;
        Object detail;
        List<String> resources = List.of();
        if (event instanceof OutgoingEvent outgoing) {
            source = outgoing.source();
            detailType = outgoing.detailType();
            detail = outgoing.detail();
            resources = outgoing.resources();
        } else {
            EventTypes.EventType type = EventTypes.of(event.getClass()).orElse(null);
            if (type == null) {
                throw new EventRejectedException(
                        EventRejectedException.Reason.NO_SOURCE_OR_DETAIL_TYPE,
                        index,
                        event.getClass().getName()
                                + " has no @DomainEvent(source, detailType); annotate it or wrap it in OutgoingEvent.of(…)",
                        null);
            }
            source = type.source();
            detailType = type.detailType();
            detail = event;
        }
        String eventId = EventIds.next();
        return new PreparedEvent(
                eventId,
                source,
                detailType,
                detailJson(index, detail, correlationId, eventId),
                resources,
                traceHeader.orElse(null));
    }

    private static String detailJson(int index, Object detail, Optional<String> correlationId, String eventId) {
        byte[] json;
        try {
            json = Json.write(detail);
        } catch (JsonException e) {
            throw new EventRejectedException(
                    EventRejectedException.Reason.NOT_SERIALIZABLE,
                    index,
                    "detail " + detail.getClass().getName() + " cannot be written as JSON: " + e.getMessage(),
                    e);
        }
        if (json.length < 2 || json[0] != '{') {
            throw new EventRejectedException(
                    EventRejectedException.Reason.DETAIL_NOT_AN_OBJECT,
                    index,
                    "detail " + detail.getClass().getName() + " must be written as a JSON object, got "
                            + new String(json, 0, Math.min(json.length, 40), StandardCharsets.UTF_8),
                    null);
        }
        // splice the members in front of the object's members: {"_correlation_id":"…","_event_id":"…",<members>};
        // a detail that already has a member of either name keeps its own value
        StringBuilder out = new StringBuilder(json.length + 96).append('{');
        if (correlationId.isPresent() && !hasTopLevelMember(json, Correlation.EVENT_DETAIL_FIELD)) {
            member(out, Correlation.EVENT_DETAIL_FIELD, correlationId.get());
        }
        if (!hasTopLevelMember(json, EVENT_ID_FIELD)) {
            member(out, EVENT_ID_FIELD, eventId);
        }
        if (json.length == 2 && out.length() > 1) {
            out.setLength(out.length() - 1); // drop the comma: the object had no members of its own
        }
        out.append(new String(json, 1, json.length - 1, StandardCharsets.UTF_8));
        return out.toString();
    }

    private static void member(StringBuilder out, String name, String value) {
        out.append('"')
                .append(name)
                .append("\":")
                .append(Json.writeString(value))
                .append(',');
    }

    /**
     * Whether a JSON object (as written by {@link Json}) has a top-level member of that name: a record component,
     * a bean property, a {@code @JsonProperty} rename or a map key alike.
     */
    static boolean hasTopLevelMember(byte[] jsonObject, String name) {
        try (JsonParser parser = JSON.createParser(jsonObject)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if (name.equals(parser.currentName())) {
                    return true;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("detail JSON written by the codec does not parse", e);
        }
    }

    private <E> PublishResult<E> send(List<Entry<E>> entries) {
        List<Indexed<FailedEvent<E>>> failed = new ArrayList<>();
        List<Indexed<PublishedEvent<E>>> ok = new ArrayList<>(entries.size());
        RetryPolicy.Attempts attempts = retryPolicy.start();
        int calls = 0;
        List<Entry<E>> pending = entries;
        while (!pending.isEmpty()) {
            List<Retry<E>> retries = new ArrayList<>();
            for (List<Entry<E>> batch : Batches.split(pending, maxRequestBytes)) {
                calls++;
                sendBatch(batch, ok, failed, retries);
            }
            if (retries.isEmpty()) {
                break;
            }
            if (!attempts.pause()) { // the deadline leaves no room for another round, or interrupted
                for (Retry<E> r : retries) {
                    failed.add(new Indexed<>(
                            r.entry().index(),
                            new FailedEvent<>(
                                    r.entry().event(),
                                    r.code(),
                                    r.message(),
                                    r.entry().attempts(),
                                    true)));
                }
                break;
            }
            pending = retries.stream().map(Retry::entry).toList();
        }
        ok.sort(ByIndex.INSTANCE);
        failed.sort(ByIndex.INSTANCE);
        return new PublishResult<>(values(ok), values(failed), calls);
    }

    /** The values in order; a loop, not a stream, on the first publish's path (fewer classes at a cold start). */
    private static <T> List<T> values(List<Indexed<T>> indexed) {
        List<T> out = new ArrayList<>(indexed.size());
        for (Indexed<T> i : indexed) {
            out.add(i.value());
        }
        return Collections.unmodifiableList(out);
    }

    private <E> void sendBatch(
            List<Entry<E>> batch,
            List<Indexed<PublishedEvent<E>>> ok,
            List<Indexed<FailedEvent<E>>> failed,
            List<Retry<E>> retries) {
        List<PutEventsRequestEntry> requestEntries = new ArrayList<>(batch.size());
        for (Entry<E> e : batch) {
            requestEntries.add(e.request());
        }
        PutEventsResponse response;
        try {
            response = client.putEvents(
                    PutEventsRequest.builder().entries(requestEntries).build());
        } catch (SdkException e) {
            String code = e instanceof AwsServiceException ase
                            && ase.awsErrorDetails() != null
                            && ase.awsErrorDetails().errorCode() != null
                    ? ase.awsErrorDetails().errorCode()
                    : e.getClass().getSimpleName();
            boolean retryable = isRetryable(e, code);
            String message = String.valueOf(e.getMessage());
            for (Entry<E> entry : batch) {
                outcome(entry.attempted(), code, message, retryable, failed, retries);
            }
            return;
        }
        List<PutEventsResultEntry> results = response.hasEntries() ? response.entries() : List.of();
        for (int i = 0; i < batch.size(); i++) {
            Entry<E> entry = batch.get(i).attempted();
            if (i >= results.size()) {
                outcome(
                        entry,
                        "InternalFailure",
                        "PutEvents response had no result for this entry",
                        true,
                        failed,
                        retries);
                continue;
            }
            PutEventsResultEntry result = results.get(i);
            if (result.errorCode() == null && result.eventId() != null) {
                ok.add(new Indexed<>(entry.index(), new PublishedEvent<>(entry.event(), result.eventId())));
            } else {
                String code = result.errorCode() == null ? "InternalFailure" : result.errorCode();
                outcome(
                        entry,
                        code,
                        String.valueOf(result.errorMessage()),
                        RETRYABLE_CODES.contains(code),
                        failed,
                        retries);
            }
        }
    }

    /** Service 5xx/throttling, or a client-side I/O failure or timeout (the request may never have arrived). */
    private static boolean isRetryable(SdkException e, String code) {
        if (e.retryable() || RETRYABLE_CODES.contains(code)) {
            return true;
        }
        if (e instanceof AwsServiceException service) {
            return service.statusCode() >= 500 || service.isThrottlingException();
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static <E> void outcome(
            Entry<E> entry,
            String code,
            String message,
            boolean retryable,
            List<Indexed<FailedEvent<E>>> failed,
            List<Retry<E>> retries) {
        if (retryable) {
            retries.add(new Retry<>(entry, code, message));
        } else {
            failed.add(new Indexed<>(
                    entry.index(), new FailedEvent<>(entry.event(), code, message, entry.attempts(), false)));
        }
    }

    /** The retry policy this publisher follows. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The bus events are sent to. */
    public String eventBusName() {
        return eventBusName;
    }

    /** Closes the SDK client when the publisher created it; a client given to the builder is left open. */
    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    private record Indexed<T>(int index, T value) {}

    /** Orders results by their event's position (a class, not a lambda: no class spun on the first publish). */
    private enum ByIndex implements Comparator<Indexed<?>> {
        INSTANCE;

        @Override
        public int compare(Indexed<?> a, Indexed<?> b) {
            return Integer.compare(a.index(), b.index());
        }
    }

    private record Retry<E>(Entry<E> entry, String code, String message) {}

    /** Options of an {@link EventPublisher}; not thread-safe. */
    public static final class Builder {
        private EventBridgeClient client;
        private String eventBusName = DEFAULT_EVENT_BUS;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private RetryPolicy retryPolicy = DEFAULT_RETRY_POLICY;

        private Builder() {}

        /**
         * The SDK client to use (not closed by the publisher). Without one, {@link #build()} creates a client for
         * cold start: region from {@code AWS_REGION}, the credentials chain of {@link #defaultCredentials()},
         * {@link UrlConnectionHttpClient}; the SDK honours {@code AWS_ENDPOINT_URL_EVENTBRIDGE} itself.
         */
        public Builder client(EventBridgeClient value) {
            this.client = Objects.requireNonNull(value, "client");
            return this;
        }

        /** Bus name or ARN; default {@value EventPublisher#DEFAULT_EVENT_BUS}. */
        public Builder eventBusName(String value) {
            OutgoingEvent.requireNonBlank("eventBusName", value);
            this.eventBusName = value;
            return this;
        }

        /**
         * PutEvents request size limit in bytes, as EventBridge counts entry sizes; default
         * {@link EventPublisher#DEFAULT_MAX_REQUEST_BYTES}, {@link EventPublisher#LEGACY_MAX_REQUEST_BYTES} for
         * 256 KB.
         */
        public Builder maxRequestBytes(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRequestBytes must be positive, was " + value);
            }
            this.maxRequestBytes = value;
            return this;
        }

        /**
         * How failed entries are retried: rounds of PutEvents calls for the entries that came back with a
         * retryable code, {@link RetryPolicy#delay the policy's delay} apart, until its deadline (measured from
         * the start of a publish); {@link RetryPolicy#none()} disables retries. Default
         * {@link EventPublisher#DEFAULT_RETRY_POLICY}.
         *
         * <pre>{@code
         * EventPublisher.builder().retryPolicy(RetryPolicy.builder().deadline(Duration.ofSeconds(2)).build())
         * }</pre>
         */
        public Builder retryPolicy(RetryPolicy value) {
            if (value == null) {
                throw new IllegalArgumentException("retryPolicy must not be null");
            }
            this.retryPolicy = value;
            return this;
        }

        /**
         * Builds the publisher, creating the SDK client when none was given.
         *
         * @throws IllegalStateException when no client was given and {@code AWS_REGION} is not set
         */
        public EventPublisher build() {
            return client != null
                    ? new EventPublisher(this, client, false)
                    : new EventPublisher(this, defaultClient(System.getenv()), true);
        }

        static EventBridgeClient defaultClient(Map<String, String> env) {
            String region = env.get("AWS_REGION");
            if (region == null || region.isBlank()) {
                throw new IllegalStateException(
                        "AWS_REGION is not set: give EventPublisher.builder().client(…) or set AWS_REGION");
            }
            return EventBridgeClient.builder()
                    .region(Region.of(region))
                    .credentialsProvider(defaultCredentials())
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }

        /** The credentials of the default client: see {@link DefaultCredentials}. */
        static DefaultCredentials defaultCredentials() {
            return new DefaultCredentials();
        }
    }
}
