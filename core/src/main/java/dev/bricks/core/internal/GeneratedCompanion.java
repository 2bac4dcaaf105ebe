package dev.bricks.core.internal;

import java.lang.reflect.InvocationTargetException;

/**
 * Internal: finds the class {@code bricks-core-processor} generated at build time for a type (its binary name plus
 * a suffix, in the same package), so that routes, constraints and event types are read from plain code instead of
 * annotations parsed by reflection at run time.
 *
 * <p>The companion is loaded through the type's own class loader (on Lambda the runtime client's loader of the
 * function, not the system loader). A type compiled without the processor has none: callers then fall back to
 * reading the annotations.
 *
 * <p><b>Not API</b> (see the package documentation): public only for core's other packages and Bricks' modules; may
 * change in any release.
 */
public final class GeneratedCompanion {

    /** Suffix of the routes of a handler class ({@code dev.bricks.core.http.GeneratedRoutes}). */
    public static final String ROUTES = "$$BricksRoutes";

    /**
     * Suffix of a record's companion: its constraints ({@code dev.bricks.core.validation.GeneratedConstraints}) and
     * what the JSON codec reads from its annotations ({@link GeneratedJsonFacts}).
     */
    public static final String RECORD = "$$BricksRecord";

    /** Suffix of the source and detail-type of a domain event ({@code dev.bricks.events.GeneratedEventType}). */
    public static final String EVENT_TYPE = "$$BricksEventType";

    private GeneratedCompanion() {}

    /**
     * The generated companion of {@code type}, or null when it has none.
     *
     * @param type the annotated type; never null
     * @param suffix one of this class's constants
     * @param contract the interface the companion implements
     * @throws IllegalStateException naming the companion when it exists but cannot be created or does not
     *     implement {@code contract} (compiled by another version of the processor)
     */
    public static <T> T find(Class<?> type, String suffix, Class<T> contract) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || type.isArray() || type.isPrimitive()) {
            return null;
        }
        String name = type.getName() + suffix;
        Class<?> companion;
        try {
            companion = Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            return null;
        }
        if (!contract.isAssignableFrom(companion)) {
            throw new IllegalStateException(
                    "generated class " + name + " does not implement " + contract.getName() + "; rebuild it");
        }
        try {
            return contract.cast(companion.getDeclaredConstructor().newInstance());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("generated class " + name + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("generated class " + name + " cannot be created: " + e, e);
        }
    }
}
