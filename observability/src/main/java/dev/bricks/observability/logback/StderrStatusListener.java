package dev.bricks.observability.logback;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Prints logback's own warnings and errors (not its info chatter) as plain lines on stderr, so they never mix
 * with the JSON on stdout. Registering it also spares logback's status printer, whose date formatting loads
 * {@code java.time} classes on a cold start. Stateless and thread-safe.
 */
final class StderrStatusListener implements StatusListener {

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() >= Status.WARN) {
            System.err.println("logback " + (status.getEffectiveLevel() >= Status.ERROR ? "ERROR" : "WARN") + ": "
                    + status.getMessage() + (status.getThrowable() == null ? "" : " (" + status.getThrowable() + ")"));
        }
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }
}
