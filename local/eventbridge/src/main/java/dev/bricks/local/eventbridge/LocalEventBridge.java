package dev.bricks.local.eventbridge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * An EventBridge bus on this machine: an HTTP endpoint on loopback speaking EventBridge's JSON 1.1 protocol
 * (PutEvents, PutRule, DescribeRule, ListRules, DeleteRule, PutTargets, RemoveTargets, ListTargetsByRule), so
 * the unmodified AWS SDK {@code EventBridgeClient} works against it through {@code endpointOverride}. Rules are
 * matched with AWS' own event-ruler library; targets are Java callbacks, called asynchronously with retries
 * and a dead-letter list.
 *
 * <pre>{@code
 * try (LocalEventBridge bus = LocalEventBridge.builder().build().start()) {
 *     bus.addRule("orders", "orders-to-inventory", "{\"source\":[\"orders.app\"]}",   // bus, rule, pattern
 *             event -> handle(event.envelopeJson()));
 *     EventBridgeClient client = EventBridgeClient.builder().endpointOverride(bus.endpoint())…build();
 * }
 * }</pre>
 *
 * <p>An accepted event that matches no rule of its bus goes nowhere, as on AWS; the bus counts them
 * ({@link #unmatchedEntries(String)}) and logs the first of each bus at WARNING.
 *
 * <p>Thread-safe. Buses named in requests are created on first use; the signature of requests is not checked.
 */
public final class LocalEventBridge implements AutoCloseable {

    /** Name of the bus used when a request names none. */
    public static final String DEFAULT_BUS = "default";
    /** Default PutEvents request size limit: 1 MB = 1 048 576 bytes (AWS' limit since January 2026). */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1_048_576;
    /** The former PutEvents request size limit: 256 KB = 262 144 bytes. */
    public static final int LEGACY_MAX_REQUEST_BYTES = 262_144;
    /** ARN prefix of the targets {@link #addRule} registers. */
    static final String CALLBACK_ARN_PREFIX = "arn:bricks:local:callback:";

    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final Config config;
    private final ObjectMapper json = new ObjectMapper();
    private final Deliverer deliverer;
    private final EventsApi api;
    private HttpServer server;
    private ExecutorService httpExecutor;
    private boolean closed;

    private LocalEventBridge(Config config) {
        this.config = config;
        this.deliverer =
                new Deliverer(config.deliveryPolicy, config.deliveryThreads, Clock.systemUTC(), config.fallbackTarget);
        this.api = new EventsApi(
                json, config.region, config.account, config.maxRequestBytes, Clock.systemUTC(), deliverer);
    }

    /** A builder with the defaults: port 0 (any free), region us-east-1, account 000000000000. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the HTTP server on the loopback address.
     *
     * @return this bus
     * @throws IllegalStateException when already started or closed
     * @throws UncheckedIOException  when the port cannot be bound
     */
    public synchronized LocalEventBridge start() {
        if (server != null || closed) {
            throw new IllegalStateException("LocalEventBridge already " + (closed ? "closed" : "started"));
        }
        // the JDK server writes headers and body separately; without TCP_NODELAY, Nagle + the client's delayed
        // ACK add ~40 ms to every response. Read once by the JDK when its first HttpServer is created.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind local EventBridge on loopback port " + config.port, e);
        }
        AtomicInteger n = new AtomicInteger();
        httpExecutor = Executors.newFixedThreadPool(config.httpThreads, r -> {
            Thread t = new Thread(r, "local-eventbridge-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(httpExecutor);
        server.createContext("/", new ApiHandler(json, api, config.maxRequestBytes * 4 + 65_536));
        server.start();
        return this;
    }

    /** The endpoint to give the SDK's {@code endpointOverride}, e.g. {@code http://127.0.0.1:49152}. */
    public synchronized URI endpoint() {
        if (server == null) {
            throw new IllegalStateException("LocalEventBridge not started");
        }
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** The region written into envelopes and ARNs. */
    public String region() {
        return config.region;
    }

    /** The account written into envelopes and ARNs. */
    public String account() {
        return config.account;
    }

    /**
     * Creates (or replaces) an enabled rule on the {@value #DEFAULT_BUS} bus; see
     * {@link #addRule(String, String, String, EventTarget)}.
     */
    public String addRule(String name, String patternJson, EventTarget target) {
        return addRule(DEFAULT_BUS, name, patternJson, target);
    }

    /**
     * Creates (or replaces) an enabled rule on a bus with one callback target whose id is the rule name. Only
     * events put on that bus ({@code EventBusName} equal to its name or ARN) are matched against it.
     *
     * <pre>{@code
     * bus.addRule("orders", "orders-to-inventory", "{\"source\":[\"orders.app\"]}", event -> invoke(event));
     * }</pre>
     *
     * @param busName     the bus: a name ({@code default}, {@code orders}) or an event-bus ARN; created if new
     * @param name        rule name, 1–64 of {@code [.-_A-Za-z0-9]}
     * @param patternJson an EventBridge event pattern
     * @param target      the callback, never null; called asynchronously on the bus' delivery threads
     * @return the rule's ARN ({@code arn:aws:events:<region>:<account>:rule/<bus>/<name>} on a named bus)
     * @throws IllegalArgumentException when the bus name, rule name or pattern is not valid, naming the reason
     */
    public String addRule(String busName, String name, String patternJson, EventTarget target) {
        Objects.requireNonNull(target, "target");
        Bus bus = api.bus(requireBusName(busName));
        try {
            Rule rule = bus.putRule(name, patternJson, true, null);
            String arn = callbackArn(bus.name(), name);
            deliverer.register(arn, target);
            bus.putTargets(name, List.of(new Target(name, arn, Optional.empty())));
            return rule.arn();
        } catch (AwsError e) {
            throw new IllegalArgumentException("rule " + name + " on bus " + bus.name() + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a rule of the {@value #DEFAULT_BUS} bus and its targets; does nothing when there is no such rule. */
    public void removeRule(String name) {
        removeRule(DEFAULT_BUS, name);
    }

    /** Deletes a rule of a bus and its targets; does nothing when there is no such bus or rule. */
    public void removeRule(String busName, String name) {
        api.existingBus(requireBusName(busName)).ifPresent(bus -> bus.deleteRule(name, true));
    }

    /** The ARN {@link #addRule} binds its callback to: the default bus keeps the bare rule name. */
    static String callbackArn(String busName, String ruleName) {
        return CALLBACK_ARN_PREFIX + (DEFAULT_BUS.equals(busName) ? "" : busName + "/") + ruleName;
    }

    private static String requireBusName(String busName) {
        if (busName == null || busName.isBlank()) {
            throw new IllegalArgumentException(
                    "busName must be a bus name or ARN, was " + (busName == null ? "null" : "'" + busName + "'"));
        }
        return busName;
    }

    /**
     * Binds a target ARN to a callback, for targets added through the SDK's {@code PutTargets}: events for a
     * target whose ARN has no callback go straight to the dead-letter list.
     */
    public void registerTarget(String arn, EventTarget target) {
        if (arn == null || arn.isBlank()) {
            throw new IllegalArgumentException("arn must be non-blank, was " + arn);
        }
        deliverer.register(arn, Objects.requireNonNull(target, "target"));
    }

    /** A snapshot of the events the bus gave up delivering, oldest first. */
    public List<DeadLetter> deadLetters() {
        return deliverer.deadLetters();
    }

    /**
     * Tells {@code listener} of every PutEvents entry accepted from now on, on any bus, with the rules it matched
     * (possibly none) and the targets it goes to (see {@link PutEventsListener}).
     *
     * <pre>{@code
     * bus.addPutEventsListener(e -> System.out.println(e.eventId() + " matched " + e.matchedRules()));
     * }</pre>
     */
    public void addPutEventsListener(PutEventsListener listener) {
        api.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops telling {@code listener}; does nothing when it was not added. */
    public void removePutEventsListener(PutEventsListener listener) {
        api.removeListener(listener);
    }

    /** How many PutEvents requests reached the bus (valid or not). */
    public long putEventsCalls() {
        return api.putEventsCalls();
    }

    /** How many PutEvents entries the bus accepted (got an EventId), over all buses. */
    public long acceptedEntries() {
        return api.acceptedEntries();
    }

    /** How many PutEvents entries one bus (name or ARN) accepted; 0 for a bus never used. */
    public long acceptedEntries(String busName) {
        return api.existingBus(requireBusName(busName))
                .map(Bus::acceptedEntries)
                .orElse(0L);
    }

    /**
     * How many entries one bus (name or ARN) accepted that matched no enabled rule, so went nowhere — as on
     * AWS, where such events are dropped silently. The first one per bus is also logged at WARNING (logger
     * {@code dev.bricks.local.eventbridge.LocalEventBridge}), naming the buses that do have rules.
     */
    public long unmatchedEntries(String busName) {
        return api.existingBus(requireBusName(busName))
                .map(Bus::unmatchedEntries)
                .orElse(0L);
    }

    /** How many deliveries to targets succeeded. */
    public int deliveredCount() {
        return deliverer.deliveredCount();
    }

    /**
     * Makes the next {@code count} PutEvents entries that would otherwise be accepted fail with {@code fault}
     * (queued after faults already pending).
     */
    public void failNextEntries(int count, EntryFault fault) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        api.failNextEntries(count, Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Waits until no delivery is queued, running or waiting for a retry.
     *
     * @return true when idle, false when the timeout passed first
     */
    public boolean awaitDeliveries(Duration timeout) throws InterruptedException {
        return deliverer.awaitIdle(timeout);
    }

    /** Stops the server and the delivery threads; pending deliveries are dropped. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.stop(0);
            httpExecutor.shutdownNow();
        }
        deliverer.close();
    }

    /** Options of a {@link LocalEventBridge}; not thread-safe. */
    public static final class Builder {
        private int port;
        private String region = "us-east-1";
        private String account = "000000000000";
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private DeliveryPolicy deliveryPolicy = DeliveryPolicy.LOCAL_DEFAULT;
        private int deliveryThreads = 2;
        private int httpThreads = 4;
        private EventTarget fallbackTarget;

        private Builder() {}

        /** Loopback port, 0 (default) for any free port. */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("port must be 0–65535, was " + value);
            }
            this.port = value;
            return this;
        }

        /** Region written into envelopes and ARNs; default us-east-1. */
        public Builder region(String value) {
            if (value == null || !value.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("region must look like us-east-1, was " + value);
            }
            this.region = value;
            return this;
        }

        /** 12-digit account id written into envelopes and ARNs; default 000000000000. */
        public Builder account(String value) {
            if (value == null || !ACCOUNT.matcher(value).matches()) {
                throw new IllegalArgumentException("account must be 12 digits, was " + value);
            }
            this.account = value;
            return this;
        }

        /**
         * PutEvents request size limit in bytes (sum of entry sizes); default {@link #DEFAULT_MAX_REQUEST_BYTES},
         * {@link #LEGACY_MAX_REQUEST_BYTES} for the former limit.
         */
        public Builder maxRequestBytes(int value) {
            this.maxRequestBytes = positive(value, "maxRequestBytes");
            return this;
        }

        /** Retry policy of targets that set none; default {@link DeliveryPolicy#LOCAL_DEFAULT}. */
        public Builder deliveryPolicy(DeliveryPolicy value) {
            this.deliveryPolicy = Objects.requireNonNull(value, "deliveryPolicy");
            return this;
        }

        /** Threads calling targets; default 2. */
        public Builder deliveryThreads(int value) {
            this.deliveryThreads = positive(value, "deliveryThreads");
            return this;
        }

        /** Threads serving HTTP requests; default 4. */
        public Builder httpThreads(int value) {
            this.httpThreads = positive(value, "httpThreads");
            return this;
        }

        /**
         * Callback for target ARNs that have no {@link LocalEventBridge#registerTarget registered} callback
         * (default: none, such events are dead-lettered with {@link DeadLetter.Reason#NO_SUCH_TARGET}).
         */
        public Builder fallbackTarget(EventTarget value) {
            this.fallbackTarget = Objects.requireNonNull(value, "fallbackTarget");
            return this;
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        /** A new, not yet started bus. */
        public LocalEventBridge build() {
            return new LocalEventBridge(new Config(
                    port,
                    region,
                    account,
                    maxRequestBytes,
                    deliveryPolicy,
                    deliveryThreads,
                    httpThreads,
                    fallbackTarget));
        }
    }

    private record Config(
            int port,
            String region,
            String account,
            int maxRequestBytes,
            DeliveryPolicy deliveryPolicy,
            int deliveryThreads,
            int httpThreads,
            EventTarget fallbackTarget) {}
}
