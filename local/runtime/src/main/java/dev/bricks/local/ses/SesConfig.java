package dev.bricks.local.ses;

import java.nio.file.Path;

/**
 * What {@link LocalSes} serves.
 *
 * @param port the loopback port; 0 for a free one
 * @param dataDirectory where each mail is kept as {@code <messageId>.eml} across restarts (bricks-local's
 *     {@code --state DIR/ses}); null to keep mails in memory
 */
public record SesConfig(int port, Path dataDirectory) {

    /** Checks the port. */
    public SesConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
    }
}
