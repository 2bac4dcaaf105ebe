package dev.bricks.local.runtime;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One Lambda execution environment: a function started as its own JVM exactly as Lambda's Java runtime starts
 * it, {@code java -cp <runtime client jars>:<function> com.amazonaws.services.lambda.runtime.api.client.AWSLambda
 * <handler>}, talking to its own {@link RuntimeApiServer} on loopback.
 *
 * <pre>{@code
 * try (FunctionProcess fn = FunctionProcess.builder()
 *         .deployment(Path.of("target/function"))      // an unzipped deployment: classes and lib/*.jar
 *         .handler("example.PlaceOrder::handleRequest")
 *         .dynamoDbEndpoint(URI.create("http://127.0.0.1:8000"))
 *         .start()) {
 *     FunctionProcess.Invocation first = fn.invoke(eventBytes);
 *     System.out.println(first.report().toReportLine());
 * }
 * }</pre>
 *
 * <p>The environment is clean: only {@code PATH} is taken from this process; everything else is what Lambda
 * sets ({@code AWS_LAMBDA_RUNTIME_API}, {@code AWS_LAMBDA_FUNCTION_NAME/VERSION/MEMORY_SIZE}, {@code _HANDLER},
 * {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, dummy credentials, {@code LAMBDA_TASK_ROOT},
 * {@code _X_AMZN_TRACE_ID}, …) plus what the builder adds. The runtime client's JNI library is extracted once
 * and shared, so environments may start in parallel.
 *
 * <p>Not thread-safe: one caller drives one environment, one invocation at a time, as Lambda does.
 */
public final class FunctionProcess implements AutoCloseable {

    private final Builder config;
    private final RuntimeApiServer api;
    private final Process process;
    private final long startNanos;
    private boolean firstInvocationDone;

    private FunctionProcess(Builder config, RuntimeApiServer api, Process process, long startNanos) {
        this.config = config;
        this.api = api;
        this.process = process;
        this.startNanos = startNanos;
        process.onExit()
                .thenRun(() -> api.abandonAll("Function process exited with code " + process.exitValue()
                        + " before answering; output: " + config.output));
    }

    /** A new builder; {@link Builder#deployment} and {@link Builder#handler} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The JVM options used unless {@link Builder#jvmOptions} replaces them: the managed Java 17 runtime's
     * documented {@code -XX:TieredStopAtLevel=1}, plus serial GC and a heap of 85 % of the memory size,
     * our approximation of the rest of its launch flags.
     */
    public static List<String> defaultJvmOptions(int memoryMb) {
        return List.of(
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx" + (memoryMb * 85 / 100) + "m");
    }

    /** Invokes the function with the builder's timeout; see {@link #invoke(byte[], Duration)}. */
    public Invocation invoke(byte[] event) {
        return invoke(event, config.timeout);
    }

    /**
     * Sends one event and waits for the answer. The first invocation also waits for init, up to the
     * builder's {@code initTimeout}.
     *
     * @param event the event payload; not null
     * @param timeout the function timeout (sent as the deadline, and how long to wait)
     * @return the runtime's answer and the figures of Lambda's REPORT line; never null
     * @throws FunctionFailedException when the process exits or times out before answering
     */
    public Invocation invoke(byte[] event, Duration timeout) {
        return invoke(UUID.randomUUID().toString(), event, timeout);
    }

    /**
     * As {@link #invoke(byte[], Duration)}, under a request id chosen by the caller.
     *
     * @param requestId the invocation's request id; not null, unique
     */
    public Invocation invoke(String requestId, byte[] event, Duration timeout) {
        boolean first = !firstInvocationDone;
        firstInvocationDone = true;
        Duration wait = timeout;
        InvocationResult result;
        try {
            CompletableFuture<InvocationResult> answer = api.invoke(requestId, event, timeout);
            if (first) {
                // Lambda's timeout starts when the runtime takes the event, after init; init has its own limit
                long initDeadline = System.nanoTime() + config.initTimeout.toNanos();
                while (api.firstNextNanos().isEmpty() && !answer.isDone() && process.isAlive()) {
                    if (System.nanoTime() > initDeadline) {
                        wait = config.initTimeout;
                        throw new TimeoutException("init");
                    }
                    Thread.sleep(2);
                }
            }
            result = answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionFailedException(
                    FunctionFailedException.Reason.INTERRUPTED,
                    null,
                    "Interrupted while waiting for " + config.functionName,
                    e);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new FunctionFailedException(
                    FunctionFailedException.Reason.TIMED_OUT,
                    api.initError().getNow(null),
                    "Function " + config.functionName + " did not answer within " + wait + "; killed. Output:\n"
                            + outputTail(),
                    e);
        } catch (ExecutionException e) {
            RuntimeApiServer.RuntimeError initError = awaitInitError();
            String init = initError == null ? "" : " Init error: " + initError.body();
            throw new FunctionFailedException(
                    FunctionFailedException.Reason.EXITED,
                    initError,
                    e.getCause().getMessage() + "." + init + " Output:\n" + outputTail(),
                    e.getCause());
        }
        long pid = process.pid();
        var memory = ProcessProbe.peakRssKb(pid);
        // the class counters serve cold-start studies; reading the perf-data file on every warm invocation would
        // sit on the caller's latency path
        Map<String, Long> counters = first
                ? ProcessProbe.perfCounters(pid, Set.of(ProcessProbe.LOADED, ProcessProbe.SHARED_LOADED))
                : Map.of();
        Optional<Duration> init =
                first ? api.firstNextNanos().map(n -> Duration.ofNanos(n - startNanos)) : Optional.empty();
        Long loaded = counters.get(ProcessProbe.LOADED);
        Long shared = counters.get(ProcessProbe.SHARED_LOADED);
        InvocationReport report = new InvocationReport(
                result.requestId(),
                init,
                result.duration(),
                Duration.ofNanos(result.completedNanos() - startNanos),
                memory,
                loaded == null ? OptionalLong.empty() : OptionalLong.of(loaded + (shared == null ? 0 : shared)),
                shared == null ? OptionalLong.empty() : OptionalLong.of(shared));
        return new Invocation(result, report);
    }

    /** The init error the runtime posted, waiting briefly: it may still be in flight when the JVM exits. */
    private RuntimeApiServer.RuntimeError awaitInitError() {
        try {
            return api.initError().get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether the JVM is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Kills the JVM at once (SIGKILL, as when a sandbox crashes): no shutdown hook runs, and an invocation in
     * flight gets no answer (its {@link #invoke} fails with {@link FunctionFailedException.Reason#EXITED}). Waits
     * up to 5 s for the process to be gone.
     *
     * @return whether the process is gone
     */
    public boolean kill() {
        process.destroyForcibly();
        try {
            return process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The JVM's process id. */
    public long pid() {
        return process.pid();
    }

    /** The file that receives the function's stdout and stderr (its "CloudWatch log"). */
    public Path output() {
        return config.output;
    }

    /** The command line the environment was started with. */
    public List<String> command() {
        return config.command;
    }

    /**
     * Ends the JVM as an orderly shutdown (SIGTERM: shutdown hooks and at-exit work such as
     * {@code -XX:ArchiveClassesAtExit} run), waiting up to {@code grace} before killing it.
     *
     * @return the exit code
     */
    public int stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        api.close();
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Stops the JVM (SIGTERM, then SIGKILL after 5 s) and the Runtime API server. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(5));
        }
        api.close();
    }

    /** The last 40 lines of the function's output, for error messages. */
    String outputTail() {
        try {
            List<String> lines = Files.readAllLines(config.output, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /**
     * The answer to one invocation and its report.
     *
     * @param result what the runtime posted; never null
     * @param report Lambda's REPORT figures; never null
     */
    public record Invocation(InvocationResult result, InvocationReport report) {}

    /** The function's process exited, or did not answer in time, before answering an invocation. */
    public static final class FunctionFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Why the invocation got no answer. */
        public enum Reason {
            /** No answer within the timeout (plus the init timeout on the first invocation); the JVM was killed. */
            TIMED_OUT,
            /** The JVM exited (crashed, was killed, or failed its init) before answering. */
            EXITED,
            /** The waiting thread was interrupted. */
            INTERRUPTED
        }

        private final Reason reason;
        private final transient RuntimeApiServer.RuntimeError initError;

        FunctionFailedException(
                Reason reason, RuntimeApiServer.RuntimeError initError, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
            this.initError = initError;
        }

        /** Why there was no answer; never null. */
        public Reason reason() {
            return reason;
        }

        /** What the runtime posted to {@code /init/error}, if its init failed; else empty. */
        public Optional<RuntimeApiServer.RuntimeError> initError() {
            return Optional.ofNullable(initError);
        }
    }

    /**
     * Options of one execution environment. Not thread-safe; {@link #start()} may be called more than once to
     * start several environments with the same options.
     */
    public static final class Builder {
        private Path deployment;
        private String handler;
        private String functionName = "function";
        private String functionVersion = "$LATEST";
        private int memoryMb = 512;
        private String region = "us-east-1";
        private Duration timeout = Duration.ofSeconds(30);
        private Duration initTimeout = Duration.ofSeconds(60);
        private final Map<String, String> environment = new LinkedHashMap<>();
        private List<String> jvmOptions;
        private String javaToolOptions;
        private boolean functionOnSystemClassPath = true;
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private Path output;
        private Consumer<String> outputLines;
        private List<String> command;

        private Builder() {}

        /**
         * The function as deployed: a directory laid out like an unzipped Lambda deployment package (classes
         * and resources at its root, dependency jars in {@code lib/}), or a single jar. Required.
         */
        public Builder deployment(Path deployment) {
            if (deployment == null || !(Files.isDirectory(deployment) || Files.isRegularFile(deployment))) {
                throw new IllegalArgumentException(
                        "deployment must be an existing directory or jar, was " + deployment);
            }
            this.deployment = deployment.toAbsolutePath().normalize();
            return this;
        }

        /** The handler string, {@code package.Class::method} or {@code package.Class}. Required. */
        public Builder handler(String handler) {
            if (handler == null || handler.isBlank()) {
                throw new IllegalArgumentException("handler must name a class, was '" + handler + "'");
            }
            this.handler = handler;
            return this;
        }

        /** {@code AWS_LAMBDA_FUNCTION_NAME}; default {@code function}. */
        public Builder functionName(String name) {
            if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException(
                        "functionName must be 1-64 letters, digits, - or _, was '" + name + "'");
            }
            this.functionName = name;
            return this;
        }

        /** {@code AWS_LAMBDA_FUNCTION_VERSION}; default {@code $LATEST}. */
        public Builder functionVersion(String version) {
            this.functionVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /** {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} in MB (128-10240); default 512. Sizes the default heap. */
        public Builder memoryMb(int memoryMb) {
            if (memoryMb < 128 || memoryMb > 10240) {
                throw new IllegalArgumentException("memoryMb must be 128-10240, was " + memoryMb);
            }
            this.memoryMb = memoryMb;
            return this;
        }

        /** {@code AWS_REGION} and {@code AWS_DEFAULT_REGION}; default {@code us-east-1}. */
        public Builder region(String region) {
            if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IllegalArgumentException("region must look like us-east-1, was '" + region + "'");
            }
            this.region = region;
            return this;
        }

        /** The function timeout: the deadline sent with each event and how long an invocation is awaited. */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** How long the first invocation also waits for the init phase; default 60 s (a shared machine is slow). */
        public Builder initTimeout(Duration initTimeout) {
            this.initTimeout = positive(initTimeout, "initTimeout");
            return this;
        }

        /** Sets {@code AWS_ENDPOINT_URL_DYNAMODB}, so an unmodified SDK v2 client talks to that endpoint. */
        public Builder dynamoDbEndpoint(URI endpoint) {
            return environment("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString());
        }

        /** Sets {@code AWS_ENDPOINT_URL_EVENTBRIDGE}, so an unmodified SDK v2 client talks to that endpoint. */
        public Builder eventBridgeEndpoint(URI endpoint) {
            return environment("AWS_ENDPOINT_URL_EVENTBRIDGE", endpoint.toString());
        }

        /** Adds one of the function's environment variables (its configuration, as in a SAM template). */
        public Builder environment(String name, String value) {
            if (name == null || name.isEmpty() || name.contains("=")) {
                throw new IllegalArgumentException(
                        "environment variable name must be non-empty without '=', was '" + name + "'");
            }
            environment.put(name, Objects.requireNonNull(value, "value of " + name));
            return this;
        }

        /** Replaces {@link #defaultJvmOptions(int)} (the options of the managed runtime's own launch). */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** {@code JAVA_TOOL_OPTIONS}, as a SAM template sets it, e.g. {@code -XX:SharedArchiveFile=fn.jsa -Xshare:auto}. */
        public Builder javaToolOptions(String options) {
            this.javaToolOptions = options;
            return this;
        }

        /**
         * Where the function's classes are loaded from. {@code true} (default): its jars follow the runtime
         * client's on {@code -cp}, so the system class loader finds them. {@code false}: only the runtime client
         * is on {@code -cp} and the client's own {@code CustomerClassLoader} loads the function from the task
         * root and its {@code lib/*.jar}, as the managed runtime does with {@code /var/task}. A directory
         * deployment is required for {@code false}.
         */
        public Builder functionOnSystemClassPath(boolean onSystemClassPath) {
            this.functionOnSystemClassPath = onSystemClassPath;
            return this;
        }

        /** The JDK to run; default this JVM's {@code java.home}. */
        public Builder javaHome(Path javaHome) {
            if (javaHome == null || !Files.isExecutable(javaHome.resolve("bin/java"))) {
                throw new IllegalArgumentException("javaHome must contain bin/java, was " + javaHome);
            }
            this.javaHome = javaHome;
            return this;
        }

        /** Where the function's stdout and stderr go; default a new temporary file. */
        public Builder output(Path output) {
            this.output = output;
            return this;
        }

        /**
         * Also hands each line the function prints (stdout and stderr) to {@code lines} as it comes, on a
         * reader thread of the environment (the lines still go to {@link #output}). For live logs.
         */
        public Builder outputLines(Consumer<String> lines) {
            this.outputLines = lines;
            return this;
        }

        /**
         * Starts the environment: its Runtime API server, then its JVM. Init runs from here; the first
         * {@link FunctionProcess#invoke} waits for it.
         *
         * @throws IllegalStateException if a required option is missing
         * @throws UncheckedIOException if the JVM cannot be started
         */
        public FunctionProcess start() {
            if (deployment == null || handler == null) {
                throw new IllegalStateException("deployment and handler are required");
            }
            Builder snapshot = copy();
            RuntimeApiServer api =
                    RuntimeApiServer.start("arn:aws:lambda:" + region + ":000000000000:function:" + functionName);
            try {
                Path taskRoot = Files.isDirectory(deployment) ? deployment : deployment.getParent();
                if (snapshot.output == null) {
                    snapshot.output = Files.createTempFile("bricks-" + functionName + "-", ".log");
                }
                snapshot.command = command();
                ProcessBuilder pb = new ProcessBuilder(snapshot.command)
                        .directory(taskRoot.toFile())
                        .redirectErrorStream(true);
                if (outputLines == null) {
                    pb.redirectOutput(snapshot.output.toFile());
                }
                Map<String, String> env = pb.environment();
                String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
                env.clear();
                env.putAll(lambdaEnvironment(api.hostAndPort(), taskRoot, path));
                env.putAll(environment);
                if (javaToolOptions != null) {
                    env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
                }
                long start = System.nanoTime();
                Process process = pb.start();
                if (outputLines != null) {
                    OutputPump.start(process, snapshot.output, outputLines, functionName);
                }
                return new FunctionProcess(snapshot, api, process, start);
            } catch (IOException e) {
                api.close();
                throw new UncheckedIOException("Could not start the function JVM for " + deployment, e);
            } catch (RuntimeException e) {
                api.close();
                throw e;
            }
        }

        private List<String> command() {
            List<String> cmd = new ArrayList<>();
            cmd.add(javaHome.resolve("bin/java").toString());
            cmd.addAll(effectiveJvmOptions());
            cmd.add("-D" + RuntimeClient.JNI_PROPERTY + "=" + RuntimeClient.nativeLibrary());
            cmd.add("-cp");
            cmd.add(String.join(File.pathSeparator, classpath()));
            cmd.add(RuntimeClient.MAIN_CLASS);
            cmd.add(handler);
            return List.copyOf(cmd);
        }

        /**
         * Runtime client jars first (on Lambda they sit on the system class path, the function in a child
         * loader, so theirs win), then the function: its root if it holds anything besides {@code lib/},
         * then {@code lib/*.jar} in lexical order, as the client's own class loader orders them.
         */
        private List<String> classpath() {
            List<String> cp = new ArrayList<>();
            RuntimeClient.classpath().forEach(p -> cp.add(p.toString()));
            if (!functionOnSystemClassPath) {
                if (!Files.isDirectory(deployment)) {
                    throw new IllegalStateException(
                            "functionOnSystemClassPath(false) needs a directory deployment, not " + deployment);
                }
                return cp;
            }
            if (Files.isRegularFile(deployment)) {
                cp.add(deployment.toString());
                return cp;
            }
            try (Stream<Path> top = Files.list(deployment)) {
                if (top.anyMatch(p -> !p.getFileName().toString().equals("lib"))) {
                    cp.add(deployment.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path lib = deployment.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
                            .map(Path::toString)
                            .sorted()
                            .forEach(cp::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return cp;
        }

        private Map<String, String> lambdaEnvironment(String runtimeApi, Path taskRoot, String path) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PATH", path);
            env.put("LANG", "en_US.UTF-8");
            env.put("TZ", ":UTC");
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
            env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
            env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
            env.put("AWS_LAMBDA_FUNCTION_VERSION", functionVersion);
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
            env.put(
                    "AWS_LAMBDA_LOG_STREAM_NAME",
                    "local/[" + functionVersion + "]"
                            + UUID.randomUUID().toString().replace("-", ""));
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
            env.put("_HANDLER", handler);
            env.put("AWS_REGION", region);
            env.put("AWS_DEFAULT_REGION", region);
            // dummy credentials: local endpoints accept any signature; never real keys
            env.put("AWS_ACCESS_KEY_ID", "AKIDLOCALBRICKS");
            env.put("AWS_SECRET_ACCESS_KEY", "local-secret-not-a-real-key");
            env.put("AWS_SESSION_TOKEN", "local-session-token");
            env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
            env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
            env.put("_X_AMZN_TRACE_ID", "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
            return env;
        }

        /** Whether the function's jars go on {@code -cp}. */
        boolean functionOnSystemClassPath() {
            return functionOnSystemClassPath;
        }

        /** The deployment, or null while unset. */
        Path deployment() {
            return deployment;
        }

        /** The JVM options a start would use. */
        List<String> effectiveJvmOptions() {
            return jvmOptions != null ? jvmOptions : defaultJvmOptions(memoryMb);
        }

        /** An independent copy of these options. */
        Builder copy() {
            Builder b = new Builder();
            b.deployment = deployment;
            b.handler = handler;
            b.functionName = functionName;
            b.functionVersion = functionVersion;
            b.memoryMb = memoryMb;
            b.region = region;
            b.timeout = timeout;
            b.initTimeout = initTimeout;
            b.environment.putAll(environment);
            b.jvmOptions = jvmOptions;
            b.javaToolOptions = javaToolOptions;
            b.functionOnSystemClassPath = functionOnSystemClassPath;
            b.javaHome = javaHome;
            b.output = output;
            b.outputLines = outputLines;
            return b;
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + d);
            }
            return d;
        }
    }
}
