package dev.bricks.events;

import dev.bricks.core.Correlation;
import dev.bricks.core.TraceHeader;
import dev.bricks.core.json.Json;
import dev.bricks.core.json.JsonException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
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
 * with a retryable code ({@code InternalFailure}, {@code ThrottlingException}) are sent again with exponential
 * backoff and jitter until the {@link Builder#retryDeadline(Duration) deadline}; whatever still fails is
 * returned in the {@link PublishResult}, never dropped.
 *
 * <pre>{@code
 * static final EventPublisher EVENTS = EventPublisher.builder().eventBusName("orders").build();
 * ...
 * EVENTS.publish(new OrderPlaced(orderId, userId, 3)).orThrow();
 * }</pre>
 *
 * <p>Each entry's detail carries the current {@link Correlation} id as member
 * {@value Correlation#EVENT_DETAIL_FIELD} and the event's own id as member {@value #EVENT_ID_FIELD}, and the
 * entry carries the current X-Ray {@link TraceHeader}. A {@link PreparedEvent} (an event rendered earlier, e.g.
 * stored in an outbox) is sent exactly as it was rendered, with its own ids and trace header.
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
    /** Default time budget for retrying failed entries: 5 seconds. */
    public static final Duration DEFAULT_RETRY_DEADLINE = Duration.ofSeconds(5);
    /** Default delay before the first retry: 50 milliseconds, doubled per round. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(50);
    /** Default cap on the delay between retry rounds: 1 second. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(1);

    private static final Set<String> RETRYABLE_CODES = Set.of("InternalFailure", "ThrottlingException");
    /**
     * Member of every entry's {@code detail} holding the event's own id: a time-ordered UUID (version 7) minted
     * once per event, so the publisher's retries, and an outbox relay's redeliveries, send the same id and
     * consumers can deduplicate by it (EventBridge's envelope {@code id} is new on every PutEvents).
     */
    public static final String EVENT_ID_FIELD = "_event_id";

    private final EventBridgeClient client;
    private final boolean ownsClient;
    private final String eventBusName;
    private final int maxRequestBytes;
    private final Duration retryDeadline;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    private EventPublisher(Builder b, EventBridgeClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.eventBusName = b.eventBusName;
        this.maxRequestBytes = b.maxRequestBytes;
        this.retryDeadline = b.retryDeadline;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
    }

    /** A builder with the defaults above. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Publishes one event: a {@link DomainEvent}-annotated object, an {@link OutgoingEvent} or a
     * {@link PreparedEvent}.
     *
     * @return the outcome; never null
     * @throws EventRejectedException before any call, when the event cannot be sent at all
     */
    public PublishResult publish(Object event) {
        return publishAll(List.of(Objects.requireNonNull(event, "event")));
    }

    /** Publishes a detail under an explicit source and detail-type; see {@link #publish(Object)}. */
    public PublishResult publish(String source, String detailType, Object detail) {
        return publish(OutgoingEvent.of(source, detailType, detail));
    }

    /**
     * Publishes events in as few PutEvents calls as the limits allow, retrying retryable failures until the
     * deadline. All events are checked first: if one is rejected, none is sent.
     *
     * @param events {@link DomainEvent}-annotated objects, {@link OutgoingEvent}s and/or {@link PreparedEvent}s;
     *               no null element
     * @return the outcome of each event; never null
     * @throws EventRejectedException before any call, naming the first event that cannot be sent
     */
    public PublishResult publishAll(Collection<?> events) {
        Objects.requireNonNull(events, "events");
        Optional<String> correlationId = Correlation.current();
        Optional<String> traceHeader = TraceHeader.current();
        List<Entry> pending = new ArrayList<>(events.size());
        int index = 0;
        for (Object event : events) {
            pending.add(prepare(index++, event, correlationId, traceHeader));
        }
        return send(pending);
    }

    private Entry prepare(int index, Object event, Optional<String> correlationId, Optional<String> traceHeader) {
        PreparedEvent prepared = event instanceof PreparedEvent p ? p : render(index, event, correlationId, traceHeader);
        PutEventsRequestEntry.Builder entry = PutEventsRequestEntry.builder()
                .source(prepared.source())
                .detailType(prepared.detailType())
                .detail(prepared.detail())
                .eventBusName(eventBusName);
        if (!prepared.resources().isEmpty()) {
            entry.resources(prepared.resources());
        }
        prepared.traceHeaderValue().ifPresent(entry::traceHeader);
        PutEventsRequestEntry request = entry.build();
        long size = Entry.sizeOf(request);
        if (size > maxRequestBytes) {
            throw new EventTooLargeException(index, prepared.source(), prepared.detailType(), size, maxRequestBytes);
        }
        return new Entry(index, event, request, size, 0);
    }

    /** The event as it goes on the bus: source, detail-type, detail JSON with the ids spliced in, trace header. */
    static PreparedEvent render(int index, Object event, Optional<String> correlationId,
                                Optional<String> traceHeader) {
        if (event == null) {
            throw new EventRejectedException(EventRejectedException.Reason.NO_SOURCE_OR_DETAIL_TYPE, index,
                    "null", null);
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
            EventTypes.EventType type = EventTypes.of(event.getClass()).orElseThrow(() -> new EventRejectedException(
                    EventRejectedException.Reason.NO_SOURCE_OR_DETAIL_TYPE, index, event.getClass().getName()
                    + " has no @DomainEvent(source, detailType); annotate it or wrap it in OutgoingEvent.of(…)", null));
            source = type.source();
            detailType = type.detailType();
            detail = event;
        }
        String eventId = EventIds.next();
        return new PreparedEvent(eventId, source, detailType, detailJson(index, detail, correlationId, eventId),
                resources, traceHeader.orElse(null));
    }

    private static String detailJson(int index, Object detail, Optional<String> correlationId, String eventId) {
        byte[] json;
        try {
            json = Json.write(detail);
        } catch (JsonException e) {
            throw new EventRejectedException(EventRejectedException.Reason.NOT_SERIALIZABLE, index,
                    "detail " + detail.getClass().getName() + " cannot be written as JSON: " + e.getMessage(), e);
        }
        if (json.length < 2 || json[0] != '{') {
            throw new EventRejectedException(EventRejectedException.Reason.DETAIL_NOT_AN_OBJECT, index,
                    "detail " + detail.getClass().getName() + " must be written as a JSON object, got "
                            + new String(json, 0, Math.min(json.length, 40), StandardCharsets.UTF_8), null);
        }
        Map<?, ?> map = detail instanceof Map<?, ?> m ? m : Map.of();
        // splice the members in front of the object's members: {"_correlation_id":"…","_event_id":"…",<members>}
        StringBuilder out = new StringBuilder(json.length + 96).append('{');
        if (correlationId.isPresent() && !map.containsKey(Correlation.EVENT_DETAIL_FIELD)) {
            member(out, Correlation.EVENT_DETAIL_FIELD, correlationId.get());
        }
        if (!map.containsKey(EVENT_ID_FIELD)) {
            member(out, EVENT_ID_FIELD, eventId);
        }
        if (json.length == 2 && out.length() > 1) {
            out.setLength(out.length() - 1); // drop the comma: the object had no members of its own
        }
        out.append(new String(json, 1, json.length - 1, StandardCharsets.UTF_8));
        return out.toString();
    }

    private static void member(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":").append(Json.writeString(value)).append(',');
    }

    private PublishResult send(List<Entry> entries) {
        List<PublishedEvent> published = new ArrayList<>(entries.size());
        List<Indexed<FailedEvent>> failed = new ArrayList<>();
        List<Indexed<PublishedEvent>> ok = new ArrayList<>(entries.size());
        long deadline = System.nanoTime() + retryDeadline.toNanos();
        int calls = 0;
        int round = 0;
        List<Entry> pending = entries;
        while (!pending.isEmpty()) {
            List<Retry> retries = new ArrayList<>();
            for (List<Entry> batch : Batches.split(pending, maxRequestBytes)) {
                calls++;
                sendBatch(batch, ok, failed, retries);
            }
            if (retries.isEmpty()) {
                break;
            }
            round++;
            long sleepMillis = backoffMillis(round, ThreadLocalRandom.current().nextDouble());
            boolean interrupted = false;
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(sleepMillis) < deadline) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    interrupted = true;
                }
            } else {
                interrupted = true; // deadline: give up on the rest
            }
            if (interrupted) {
                for (Retry r : retries) {
                    failed.add(new Indexed<>(r.entry().index(), new FailedEvent(r.entry().event(), r.code(),
                            r.message(), r.entry().attempts(), true)));
                }
                break;
            }
            pending = retries.stream().map(Retry::entry).toList();
        }
        ok.sort(Comparator.comparingInt(Indexed::index));
        failed.sort(Comparator.comparingInt(Indexed::index));
        ok.forEach(i -> published.add(i.value()));
        return new PublishResult(published, failed.stream().map(Indexed::value).toList(), calls);
    }

    private void sendBatch(List<Entry> batch, List<Indexed<PublishedEvent>> ok, List<Indexed<FailedEvent>> failed,
                           List<Retry> retries) {
        List<PutEventsRequestEntry> requestEntries = new ArrayList<>(batch.size());
        for (Entry e : batch) {
            requestEntries.add(e.request());
        }
        PutEventsResponse response;
        try {
            response = client.putEvents(PutEventsRequest.builder().entries(requestEntries).build());
        } catch (SdkException e) {
            String code = e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                    && ase.awsErrorDetails().errorCode() != null
                    ? ase.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
            boolean retryable = isRetryable(e, code);
            String message = String.valueOf(e.getMessage());
            for (Entry entry : batch) {
                outcome(entry.attempted(), code, message, retryable, failed, retries);
            }
            return;
        }
        List<PutEventsResultEntry> results = response.hasEntries() ? response.entries() : List.of();
        for (int i = 0; i < batch.size(); i++) {
            Entry entry = batch.get(i).attempted();
            if (i >= results.size()) {
                outcome(entry, "InternalFailure", "PutEvents response had no result for this entry", true, failed,
                        retries);
                continue;
            }
            PutEventsResultEntry result = results.get(i);
            if (result.errorCode() == null && result.eventId() != null) {
                ok.add(new Indexed<>(entry.index(), new PublishedEvent(entry.event(), result.eventId())));
            } else {
                String code = result.errorCode() == null ? "InternalFailure" : result.errorCode();
                outcome(entry, code, String.valueOf(result.errorMessage()), RETRYABLE_CODES.contains(code), failed,
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

    private static void outcome(Entry entry, String code, String message, boolean retryable,
                                List<Indexed<FailedEvent>> failed, List<Retry> retries) {
        if (retryable) {
            retries.add(new Retry(entry, code, message));
        } else {
            failed.add(new Indexed<>(entry.index(), new FailedEvent(entry.event(), code, message, entry.attempts(),
                    false)));
        }
    }

    /** Delay before retry round {@code round} (1-based): exponential, capped, 50–100 % jitter. */
    long backoffMillis(int round, double jitter) {
        long base = initialBackoff.toMillis();
        long exp = base << Math.min(round - 1, 30);
        long capped = exp <= 0 ? maxBackoff.toMillis() : Math.min(exp, maxBackoff.toMillis());
        return Math.max(1, (long) (capped * (0.5 + 0.5 * jitter)));
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

    private record Indexed<T>(int index, T value) {
    }

    private record Retry(Entry entry, String code, String message) {
    }

    /** Options of an {@link EventPublisher}; not thread-safe. */
    public static final class Builder {
        private EventBridgeClient client;
        private String eventBusName = DEFAULT_EVENT_BUS;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private Duration retryDeadline = DEFAULT_RETRY_DEADLINE;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

        private Builder() {
        }

        /**
         * The SDK client to use (not closed by the publisher). Without one, {@link #build()} creates a client for
         * cold start: region from {@code AWS_REGION}, {@link EnvironmentVariableCredentialsProvider},
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

        /** Time budget for retrying failed entries, from the start of a publish; zero disables retries. */
        public Builder retryDeadline(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("retryDeadline must be zero or positive, was " + value);
            }
            this.retryDeadline = value;
            return this;
        }

        /** Delay before the first retry round, doubled per round; positive. */
        public Builder initialBackoff(Duration value) {
            this.initialBackoff = positive(value, "initialBackoff");
            return this;
        }

        /** Cap on the delay between retry rounds; positive. */
        public Builder maxBackoff(Duration value) {
            this.maxBackoff = positive(value, "maxBackoff");
            return this;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        /**
         * Builds the publisher, creating the SDK client when none was given.
         *
         * @throws IllegalStateException when {@code maxBackoff < initialBackoff}, or no client was given and
         *                               {@code AWS_REGION} is not set
         */
        public EventPublisher build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalStateException("maxBackoff (" + maxBackoff + ") must not be below initialBackoff ("
                        + initialBackoff + ")");
            }
            return client != null ? new EventPublisher(this, client, false)
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
                    .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
    }
}
