package dev.bricks.local.gateway;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.runtime.LoopbackHttpServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * API Gateway on loopback: serves the routes of one or more {@link ApiConfig}s on one port, builds each request
 * into the Lambda proxy event API Gateway would send (HTTP API payload 2.0 / 1.0, REST payload 1.0), runs the
 * route's Lambda authorizer, invokes the function through a {@link FunctionInvoker} and maps its answer back to
 * HTTP as API Gateway does.
 *
 * <p>All APIs share one port, as {@code sam local start-api} does: their routes form one table, matched most
 * specific first, so two APIs must not declare the same route key (refused at {@link Builder#start()}). Other
 * handlers (e.g. a dev console) can be {@linkplain #mount mounted} under a path prefix on the same port.
 *
 * <pre>{@code
 * try (LocalApiGateway gateway = LocalApiGateway.builder(invoker)
 *         .api(ApiConfig.httpApi("OrdersApi")
 *                 .route(new RouteConfig("GET", "/orders/{id}", "GetOrderFunction", null, PayloadFormat.V2_0))
 *                 .build())
 *         .port(3000)
 *         .start()) {
 *     URI base = gateway.baseUrl();   // http://127.0.0.1:3000/
 * }
 * }</pre>
 *
 * <p>Thread-safe. Requests are served by a bounded pool of {@link Builder#threads(int)} threads; a function
 * invocation holds its thread until the function answers.
 */
public final class LocalApiGateway implements AutoCloseable {

    /** Lambda's synchronous invocation payload limit, which bounds the event: 6 MB (6,291,456 bytes). */
    public static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

    /** Default number of request threads. */
    public static final int DEFAULT_THREADS = 64;

    private final HttpServer http;
    private final ExecutorService executor;
    private final List<ApiConfig> apis;

    private LocalApiGateway(HttpServer http, ExecutorService executor, List<ApiConfig> apis) {
        this.http = http;
        this.executor = executor;
        this.apis = apis;
    }

    /**
     * Starts a builder.
     *
     * @param invoker invokes routes' and authorizers' functions; not null
     * @return a builder with no API, a free port, region {@code us-east-1}, account {@code 123456789012}
     */
    public static Builder builder(FunctionInvoker invoker) {
        return new Builder(invoker);
    }

    /** The base URL, {@code http://127.0.0.1:<port>/}; every API's routes hang directly below it. */
    public URI baseUrl() {
        return URI.create("http://" + http.getAddress().getAddress().getHostAddress() + ":" + port() + "/");
    }

    /** The port the gateway listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The APIs served, in the order given. */
    public List<ApiConfig> apis() {
        return apis;
    }

    /**
     * Serves {@code prefix} (e.g. {@code /_bricks/}) with another handler on the same port; requests under it no
     * longer reach the APIs.
     *
     * @param prefix a path prefix starting with {@code /}, not {@code /} itself
     * @param handler the handler; it runs on the gateway's request threads
     * @throws IllegalArgumentException for a bad or already mounted prefix
     */
    public void mount(String prefix, HttpHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (prefix == null || !prefix.startsWith("/") || prefix.equals("/")) {
            throw new IllegalArgumentException("Mount prefix must start with '/' and not be '/', was " + prefix);
        }
        http.createContext(prefix, handler);
    }

    /** Stops listening and waits up to one second for requests in flight. Idempotent. */
    @Override
    public void close() {
        http.stop(1);
        executor.shutdownNow();
    }

    /** Thrown by {@link Builder#start()} when the port is taken by another process. */
    public static final class PortInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortInUseException(int port, Throwable cause) {
            super(
                    "Port " + port + " on 127.0.0.1 is already in use: stop the other process or choose another port"
                            + " (--port)",
                    cause);
        }
    }

    /** Configures and starts a {@link LocalApiGateway}. Not thread-safe. */
    public static final class Builder {
        private final FunctionInvoker invoker;
        private final List<ApiConfig> apis = new ArrayList<>();
        private int port;
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private int threads = DEFAULT_THREADS;
        private Clock clock = Clock.systemUTC();
        private GatewayObserver observer;

        private Builder(FunctionInvoker invoker) {
            this.invoker = Objects.requireNonNull(invoker, "invoker");
        }

        /** Adds an API. @return this */
        public Builder api(ApiConfig api) {
            apis.add(Objects.requireNonNull(api, "api"));
            return this;
        }

        /** @param port 1-65535, or 0 (default) for a free port; @return this */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0-65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** @param region the region in ARNs; default {@code us-east-1}; @return this */
        public Builder region(String region) {
            if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IllegalArgumentException("region must look like us-east-1, was " + region);
            }
            this.region = region;
            return this;
        }

        /** @param accountId 12 digits, in events and ARNs; default {@code 123456789012}; @return this */
        public Builder accountId(String accountId) {
            if (accountId == null || !accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, was " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /** @param threads request threads (concurrent requests), default {@value #DEFAULT_THREADS}; @return this */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive, was " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** @param observer told about every answered request (the dev console); none by default; @return this */
        public Builder observer(GatewayObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** @param clock the clock for request times and the authorizer cache (tests); @return this */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @return the running gateway
         * @throws IllegalArgumentException when two APIs declare the same route key
         * @throws PortInUseException when the port is taken
         * @throws UncheckedIOException when the server cannot be created for another reason
         */
        public LocalApiGateway start() {
            RouteTable routes = RouteTable.of(apis);
            GatewaySettings settings = new GatewaySettings(region, accountId, clock);
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor executor =
                    new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "bricks-api-gateway-" + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            executor.allowCoreThreadTimeOut(true);
            HttpServer http;
            try {
                http = LoopbackHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
            } catch (BindException e) {
                executor.shutdownNow();
                throw new PortInUseException(port, e);
            } catch (IOException e) {
                executor.shutdownNow();
                throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
            }
            http.setExecutor(executor);
            http.createContext("/", new GatewayHandler(routes, invoker, settings, observer));
            http.start();
            return new LocalApiGateway(http, executor, List.copyOf(apis));
        }
    }
}
