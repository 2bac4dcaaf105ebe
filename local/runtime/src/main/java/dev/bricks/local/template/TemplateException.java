package dev.bricks.local.template;

/**
 * A template that bricks-local cannot run: malformed YAML, an unknown reference, a missing artifact, an
 * unsupported property that would change behaviour. The message names the problem, the resource and
 * property where there is one, and the file position; it is meant for the user as is (no stack trace needed).
 */
public final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Location location;

    /**
     * @param location where the problem is; null when it is not tied to a place in the file
     * @param message what is wrong and, where possible, how to fix it
     */
    public TemplateException(Location location, String message) {
        super(location == null ? message : location + ": " + message);
        this.location = location;
    }

    /** Where the problem is in the template; null when it is not tied to a place. */
    public Location location() {
        return location;
    }
}
