package dev.bricks.dynamo;

/**
 * Whether a write of a {@code @Version}ed entity checks the stored version. Every write checks it by default
 * (and increments it either way); {@link #SKIP} is the explicit, per-call opt-out for writes that must win
 * regardless (an administrative fix, a delete by key of whatever is there).
 */
public enum VersionCheck {
    /** The write fails with {@link VersionConflictException} unless the stored version is the expected one. */
    ENFORCE,
    /** The write does not look at the stored version (it still increments it on puts and updates). */
    SKIP
}
