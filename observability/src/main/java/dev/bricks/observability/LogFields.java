package dev.bricks.observability;

import java.util.List;

/**
 * Names of the fields Bricks writes in every JSON log line. The per-invocation ones are also MDC keys, so a
 * user's own logback configuration (for example a plain {@code LogstashEncoder}) still gets them.
 */
public final class LogFields {

    /** ISO-8601 UTC timestamp with milliseconds, e.g. {@code 2026-11-26T22:41:07.123Z}. */
    public static final String TIMESTAMP = "timestamp";
    /** Log level ({@code INFO}, {@code DEBUG}, …). */
    public static final String LEVEL = "level";
    /** The formatted message. */
    public static final String MESSAGE = "message";
    /** Logger name. */
    public static final String LOGGER = "logger";
    /** Thread name. */
    public static final String THREAD = "thread";
    /** {@code BRICKS_SERVICE_NAME}, else the function name. */
    public static final String SERVICE = "service";
    /** Lambda function name. */
    public static final String FUNCTION_NAME = "function_name";
    /** Lambda function version ({@code $LATEST}, {@code 3}). */
    public static final String FUNCTION_VERSION = "function_version";
    /** Configured memory in MB (a JSON number). */
    public static final String FUNCTION_MEMORY_SIZE = "function_memory_size";
    /** The invoked function ARN (with alias/version qualifier when invoked through one). MDC key. */
    public static final String FUNCTION_ARN = "function_arn";
    /** Lambda's request id. MDC key. */
    public static final String FUNCTION_REQUEST_ID = "function_request_id";
    /** Whether this is the first invocation of the environment (a JSON boolean). MDC key. */
    public static final String COLD_START = "cold_start";
    /** The correlation id ({@code dev.bricks.core.Correlation#current()}). MDC key. */
    public static final String CORRELATION_ID = "correlation_id";
    /**
     * The X-Ray trace id: the {@code Root} of the trace header ({@code dev.bricks.core.TraceHeader#current()}),
     * e.g. {@code 1-5e6722a7-cc56xmpl46db7ae02d4da47e}, as Powertools writes it. MDC key.
     */
    public static final String XRAY_TRACE_ID = "xray_trace_id";
    /** Exception class name. */
    public static final String EXCEPTION_CLASS = "exception_class";
    /** Exception message. */
    public static final String EXCEPTION_MESSAGE = "exception_message";
    /** Whole stack trace (with causes) as one string. */
    public static final String STACK_TRACE = "stack_trace";
    /** The redacted incoming event (opt-in with {@code BRICKS_LOG_EVENT=true}), as a JSON value. */
    public static final String EVENT = "event";
    /** Present ({@code true}) on lines of an invocation sampled for DEBUG logging. MDC key. */
    public static final String DEBUG_SAMPLED = "debug_sampled";

    /**
     * The MDC keys the listener sets for an invocation (and removes after it), in the order Bricks writes them;
     * exclude them from a logstash {@code <mdc>} provider when {@code BricksFieldsJsonProvider} writes them.
     */
    public static final List<String> MDC_KEYS =
            List.of(FUNCTION_ARN, FUNCTION_REQUEST_ID, COLD_START, CORRELATION_ID, XRAY_TRACE_ID, DEBUG_SAMPLED);

    private LogFields() {}
}
