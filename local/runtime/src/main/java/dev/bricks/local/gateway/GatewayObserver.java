package dev.bricks.local.gateway;

/**
 * Told about every request the {@link LocalApiGateway} answered (a hook for the dev console). Called on the
 * gateway's request thread when the answer is ready, just before it is sent; an exception it throws is logged and otherwise ignored.
 * Implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface GatewayObserver {

    /** A request and its answer. */
    void exchanged(GatewayExchange exchange);
}
