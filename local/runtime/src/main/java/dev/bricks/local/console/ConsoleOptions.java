package dev.bricks.local.console;

import dev.bricks.observability.EventRedactor;
import java.util.Objects;

/**
 * Whether bricks-local serves its dev console, how much it keeps, and which extra JSON paths it redacts.
 *
 * <pre>{@code
 * LocalAppOptions.builder().console(new ConsoleOptions(true, new ConsoleLimits(200, 10_000), "body.card.number"))
 * }</pre>
 *
 * @param enabled whether the console runs (default true): recording and {@code /_bricks/} on the API port
 * @param limits traces and log lines kept; never null
 * @param redactPaths extra paths masked in every payload shown, observability's {@code BRICKS_LOG_REDACT_PATHS}
 *     syntax (the default secrets — {@code Authorization}, cookies, API keys, JWTs — are always masked); may be
 *     null
 */
public record ConsoleOptions(boolean enabled, ConsoleLimits limits, String redactPaths) {

    /**
     * Checks the limits and the paths.
     *
     * @throws IllegalArgumentException naming a malformed path
     */
    public ConsoleOptions {
        Objects.requireNonNull(limits, "limits");
        EventRedactor.withPaths(redactPaths);
    }

    /** On, default limits, the default secrets redacted. */
    public static ConsoleOptions defaults() {
        return new ConsoleOptions(true, ConsoleLimits.defaults(), null);
    }

    /** Off: nothing recorded, nothing served under {@code /_bricks/}. */
    public static ConsoleOptions disabled() {
        return new ConsoleOptions(false, ConsoleLimits.defaults(), null);
    }
}
