package dev.bricks.local.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bricks.local.functions.FunctionError;
import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.InvokeOutcome;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A DynamoDB stream event source mapping: reads a table's stream through the real Streams API
 * ({@code DynamoDbStreamsClient} against the local engine's endpoint) and invokes a function with batches of
 * records in Lambda's DynamoDB event shape, as Lambda's poller does:
 *
 * <ul>
 *   <li>in order per shard, one batch at a time, so the records of one item are never reordered;</li>
 *   <li>a batch holds up to {@code BatchSize} records, gathered for up to {@code MaximumBatchingWindowInSeconds};
 *   records that match no {@code FilterCriteria} pattern are dropped before batching;</li>
 *   <li>a failed batch (function error, timeout, crash) is retried; with {@code BisectBatchOnFunctionError} it is
 *   first split in two; each failed invocation counts as one attempt for the records in it (halves inherit the
 *   count); after {@code MaximumRetryAttempts} retries (-1: forever) the records are given up;</li>
 *   <li>with {@code ReportBatchItemFailures} a successful answer {@code {"batchItemFailures":[{"itemIdentifier":
 *   "<SequenceNumber>"}]}} checkpoints before the lowest failed sequence number and retries from it (an empty
 *   list is success; an identifier that is missing, blank or not in the batch fails the whole batch);</li>
 *   <li>records older than {@code MaximumRecordAgeInSeconds} are given up without an invocation;</li>
 *   <li>records given up go to {@link #failures()} and are printed, one line per failure.</li>
 * </ul>
 *
 * <p>Thread-safe; one polling thread per mapping. {@link #close()} stops it after the invocation in progress.
 *
 * <pre>{@code
 * StreamSourceConfig config = StreamSourceConfig.builder("OrderEvents", "orders")
 *         .startingPosition(StartingPosition.TRIM_HORIZON).batchSize(10)
 *         .reportBatchItemFailures(true).maximumRetryAttempts(2).build();
 * try (DynamoDbStreamSource source = new DynamoDbStreamSource(dynamoEndpoint, "us-east-1", config, invoker,
 *         System.out::println).start()) {
 *     // write to the table; the function sees the changes
 * }
 * }</pre>
 */
public final class DynamoDbStreamSource implements AutoCloseable {

    private static final int GET_RECORDS_LIMIT = 1000;

    private final StreamSourceConfig config;
    private final FunctionInvoker invoker;
    private final Consumer<String> log;
    private final String region;
    private final DynamoDbStreamsClient streams;
    private final RecordFilter filter;
    private final Clock clock = Clock.systemUTC();
    private final List<StreamFailure> failures = new ArrayList<>();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private volatile boolean running;
    private volatile String streamArn;
    private Thread thread;

    /**
     * @param dynamoDbEndpoint the local DynamoDB engine's endpoint (it also serves the Streams API); not null
     * @param region the region of the event records and the stream ARN; not null
     * @param config the mapping; not null
     * @param invoker invokes the function synchronously, as Lambda's poller does; not null
     * @param log receives one line per failure; not null
     * @throws IllegalArgumentException when a filter pattern is not valid
     */
    public DynamoDbStreamSource(
            URI dynamoDbEndpoint,
            String region,
            StreamSourceConfig config,
            FunctionInvoker invoker,
            Consumer<String> log) {
        this.config = Objects.requireNonNull(config, "config");
        this.invoker = Objects.requireNonNull(invoker, "invoker");
        this.log = Objects.requireNonNull(log, "log");
        this.region = Objects.requireNonNull(region, "region");
        this.filter = new RecordFilter(config.filterPatterns());
        this.streams = DynamoDbStreamsClient.builder()
                .endpointOverride(Objects.requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint"))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * Finds the table's latest stream, positions at {@link StreamSourceConfig#startingPosition()} and starts
     * polling.
     *
     * @return this
     * @throws IllegalStateException when the table has no stream (naming the table and SAM's
     *     {@code StreamSpecification}) or the endpoint does not answer
     */
    public synchronized DynamoDbStreamSource start() {
        if (thread != null) {
            return this;
        }
        String arn;
        try {
            arn = streams.listStreams(b -> b.tableName(config.tableName())).streams().stream()
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new IllegalStateException("Table " + config.tableName()
                            + " has no stream: give it a StreamSpecification (StreamViewType) to map it to "
                            + config.functionId()))
                    .streamArn();
        } catch (SdkException e) {
            throw new IllegalStateException(
                    "Cannot list the streams of table " + config.tableName() + ": " + e.getMessage(), e);
        }
        streamArn = arn;
        ShardReader reader = new ShardReader(arn, firstShard(arn));
        running = true;
        thread = new Thread(reader::run, "bricks-stream-" + config.functionId());
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** The stream ARN read, once started. */
    public String streamArn() {
        return streamArn;
    }

    /** The configuration this mapping runs. */
    public StreamSourceConfig config() {
        return config;
    }

    /** A snapshot of the records given up, oldest first. */
    public List<StreamFailure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** How many times the function was invoked. */
    public long invocations() {
        return invocations.get();
    }

    /** How many records are done with: processed, filtered out or given up. */
    public long handledRecords() {
        return handled.get();
    }

    /** Stops polling (after the invocation in progress) and closes the Streams client. Idempotent. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        streams.close();
    }

    private Shard firstShard(String arn) {
        StreamDescription description =
                streams.describeStream(b -> b.streamArn(arn)).streamDescription();
        List<Shard> shards = description.shards();
        return shards.stream()
                .filter(s -> s.parentShardId() == null
                        || shards.stream().noneMatch(p -> p.shardId().equals(s.parentShardId())))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Stream " + arn + " has no shard"));
    }

    /** One record as fetched: its Lambda-shaped JSON, sequence number and creation time. */
    private record Pending(ObjectNode json, String sequenceNumber, Instant created) {}

    /** A batch to (re)try: how many records from the head of the queue, and how often they failed already. */
    private record Segment(int size, int attempts) {}

    /** Reads one shard after the other, in order; runs on the mapping's thread. */
    private final class ShardReader {
        private final String arn;
        private Shard shard;
        private String iterator;
        private final Deque<Pending> queue = new ArrayDeque<>();
        private final Deque<Segment> segments = new ArrayDeque<>();
        private int headAttempts;
        private String lastError = "";

        ShardReader(String arn, Shard shard) {
            this.arn = arn;
            this.shard = shard;
            this.iterator = streams.getShardIterator(b -> b.streamArn(arn)
                            .shardId(shard.shardId())
                            .shardIteratorType(
                                    config.startingPosition() == StartingPosition.LATEST
                                            ? ShardIteratorType.LATEST
                                            : ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
        }

        void run() {
            while (running) {
                try {
                    fill();
                    if (!queue.isEmpty() && batchReady()) {
                        processHead();
                    } else if (queue.isEmpty() && iterator == null && !nextShard()) {
                        sleep(config.pollInterval());
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (SdkException e) {
                    if (!running) {
                        return;
                    }
                    log.accept("stream " + config.tableName() + " -> " + config.functionId() + ": GetRecords failed: "
                            + e.getMessage());
                    sleepQuietly();
                }
            }
        }

        private Instant firstBuffered;

        /** Polls until a batch is full or the batching window has passed since the first buffered record. */
        private void fill() throws InterruptedException {
            while (running && iterator != null && queue.size() < config.batchSize()) {
                GetRecordsResponse page =
                        streams.getRecords(b -> b.shardIterator(iterator).limit(GET_RECORDS_LIMIT));
                iterator = page.nextShardIterator();
                for (Record record : page.records()) {
                    ObjectNode json = StreamRecordJson.lambdaRecord(record, arn, region);
                    if (filter.keeps(json.toString())) {
                        Instant created = record.dynamodb().approximateCreationDateTime();
                        queue.add(new Pending(
                                json, record.dynamodb().sequenceNumber(), created == null ? clock.instant() : created));
                    } else {
                        handled.incrementAndGet();
                    }
                }
                if (!queue.isEmpty() && firstBuffered == null) {
                    firstBuffered = clock.instant();
                }
                if (batchReady() || (page.records().isEmpty() && !queue.isEmpty() && windowPassed())) {
                    return;
                }
                if (page.records().isEmpty()) {
                    if (queue.isEmpty() || !windowPassed()) {
                        sleep(queue.isEmpty() ? config.pollInterval() : shorter(config.pollInterval(), windowLeft()));
                        if (queue.isEmpty()) {
                            continue;
                        }
                        if (windowPassed()) {
                            return;
                        }
                    }
                }
            }
        }

        private boolean batchReady() {
            return !segments.isEmpty() || queue.size() >= config.batchSize() || windowPassed() || iterator == null;
        }

        private boolean windowPassed() {
            return firstBuffered != null
                    && !clock.instant().isBefore(firstBuffered.plus(config.maximumBatchingWindow()));
        }

        private Duration windowLeft() {
            return firstBuffered == null
                    ? config.maximumBatchingWindow()
                    : Duration.between(clock.instant(), firstBuffered.plus(config.maximumBatchingWindow()));
        }

        /** Invokes the function with the batch at the head of the queue and settles its outcome. */
        private void processHead() {
            dropExpired();
            if (queue.isEmpty()) {
                return;
            }
            Segment segment = segments.isEmpty()
                    ? new Segment(Math.min(config.batchSize(), queue.size()), headAttempts)
                    : segments.peekFirst();
            List<Pending> batch = head(Math.min(segment.size(), queue.size()));
            invocations.incrementAndGet();
            InvokeOutcome outcome = invoker.invoke(config.functionId(), event(batch));
            int failedAt = failedIndex(outcome, batch);
            if (failedAt < 0) {
                settle(batch.size(), segment);
                return;
            }
            int attempts = segment.attempts() + 1;
            lastError = outcome.succeeded()
                    ? "ReportedBatchItemFailure"
                    : FunctionError.of(outcome).errorType();
            if (failedAt > 0) {
                complete(failedAt);
                replaceHeadSegment(segment, List.of(new Segment(batch.size() - failedAt, attempts)));
                return;
            }
            if (config.maximumRetryAttempts() != StreamSourceConfig.RETRY_FOREVER
                    && attempts > config.maximumRetryAttempts()) {
                giveUp(batch, StreamFailure.Condition.RetryAttemptsExhausted, attempts, lastError);
                settle(batch.size(), segment);
                return;
            }
            if (config.bisectBatchOnFunctionError() && batch.size() > 1) {
                int half = batch.size() / 2;
                replaceHeadSegment(
                        segment, List.of(new Segment(half, attempts), new Segment(batch.size() - half, attempts)));
            } else {
                replaceHeadSegment(segment, List.of(new Segment(batch.size(), attempts)));
            }
            sleepQuietly();
        }

        /**
         * The index in the batch of the first record to retry: -1 when the batch succeeded, 0 when it failed
         * whole, else the position of the lowest sequence number the function reported.
         */
        private int failedIndex(InvokeOutcome outcome, List<Pending> batch) {
            if (!outcome.succeeded()) {
                return 0;
            }
            if (!config.reportBatchItemFailures()) {
                return -1;
            }
            JsonNode answer;
            try {
                answer = StreamRecordJson.JSON.readTree(outcome.payload());
            } catch (IOException e) {
                return -1;
            }
            JsonNode failed = answer == null ? null : answer.get("batchItemFailures");
            if (failed == null || failed.isNull() || (failed.isArray() && failed.isEmpty())) {
                return -1;
            }
            if (!failed.isArray()) {
                return 0;
            }
            int lowest = Integer.MAX_VALUE;
            for (JsonNode item : failed) {
                String id = item.path("itemIdentifier").asText("");
                int index = indexOf(batch, id);
                if (id.isBlank() || index < 0) {
                    return 0;
                }
                lowest = Math.min(lowest, index);
            }
            return lowest;
        }

        private int indexOf(List<Pending> batch, String sequenceNumber) {
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).sequenceNumber().equals(sequenceNumber)) {
                    return i;
                }
            }
            return -1;
        }

        private void settle(int done, Segment segment) {
            complete(done);
            if (!segments.isEmpty() && segments.peekFirst() == segment) {
                segments.pollFirst();
            }
            headAttempts = 0;
        }

        private void replaceHeadSegment(Segment current, List<Segment> replacement) {
            if (!segments.isEmpty() && segments.peekFirst() == current) {
                segments.pollFirst();
            }
            for (int i = replacement.size() - 1; i >= 0; i--) {
                segments.addFirst(replacement.get(i));
            }
        }

        private void complete(int count) {
            for (int i = 0; i < count; i++) {
                queue.pollFirst();
                handled.incrementAndGet();
            }
            if (queue.isEmpty()) {
                firstBuffered = null;
            }
        }

        private void dropExpired() {
            Optional<Duration> maxAge = config.maximumRecordAge();
            if (maxAge.isEmpty()) {
                return;
            }
            Instant oldest = clock.instant().minus(maxAge.get());
            List<Pending> expired = new ArrayList<>();
            for (Pending p : queue) {
                if (!p.created().isBefore(oldest)) {
                    break;
                }
                expired.add(p);
            }
            if (!expired.isEmpty()) {
                giveUp(
                        expired,
                        StreamFailure.Condition.RecordAgeExceeded,
                        segments.isEmpty() ? headAttempts : segments.peekFirst().attempts(),
                        "RecordAgeExceeded");
                complete(expired.size());
                shrinkSegments(expired.size());
            }
        }

        private void shrinkSegments(int removed) {
            int left = removed;
            while (left > 0 && !segments.isEmpty()) {
                Segment first = segments.pollFirst();
                if (first.size() > left) {
                    segments.addFirst(new Segment(first.size() - left, first.attempts()));
                    return;
                }
                left -= first.size();
            }
        }

        private void giveUp(List<Pending> records, StreamFailure.Condition condition, int attempts, String error) {
            StreamFailure failure = new StreamFailure(
                    config.functionId(),
                    arn,
                    shard.shardId(),
                    condition,
                    attempts,
                    error,
                    records.stream().map(p -> p.json().toString()).toList(),
                    records.get(0).sequenceNumber(),
                    records.get(records.size() - 1).sequenceNumber(),
                    clock.instant());
            log.accept(failure.toLogLine()
                    + config.onFailureDestination().map(d -> " -> " + d).orElse(""));
            synchronized (failures) {
                failures.add(failure);
            }
        }

        private List<Pending> head(int n) {
            List<Pending> out = new ArrayList<>(n);
            for (Pending p : queue) {
                if (out.size() == n) {
                    break;
                }
                out.add(p);
            }
            return out;
        }

        private byte[] event(List<Pending> batch) {
            ObjectNode event = StreamRecordJson.JSON.createObjectNode();
            batch.forEach(p -> event.withArray("Records").add(p.json()));
            return event.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** Moves to the closed shard's child, if the stream has one yet. */
        private boolean nextShard() {
            Optional<Shard> child = streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().stream()
                    .filter(s -> shard.shardId().equals(s.parentShardId()))
                    .findFirst();
            if (child.isEmpty()) {
                return false;
            }
            shard = child.get();
            iterator = streams.getShardIterator(b ->
                            b.streamArn(arn).shardId(shard.shardId()).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            return true;
        }

        private void sleepQuietly() {
            try {
                sleep(config.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private static Duration shorter(Duration a, Duration b) {
        Duration min = a.compareTo(b) <= 0 ? a : b;
        return min.isNegative() ? Duration.ZERO : min;
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    }
}
