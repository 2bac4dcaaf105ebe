package dev.bricks.core.http;

import java.util.List;

/**
 * The {@link Route} methods of one handler class, generated at build time by {@code bricks-core-processor} as
 * {@code <handler's binary name>$$BricksRoutes}: with it, the router reads no annotation by reflection when the
 * handler is constructed. Not implemented by hand.
 */
public interface GeneratedRoutes {

    /** The routes the class itself declares (not its superclasses'), in source order; never null. */
    List<RouteDeclaration> routes();
}
