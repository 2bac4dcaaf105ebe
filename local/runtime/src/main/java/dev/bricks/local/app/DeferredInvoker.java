package dev.bricks.local.app;

import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.InvokeOutcome;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link FunctionInvoker} bound after construction: services that need an invoker at start (S3's
 * notifications, stream pollers, the gateway) start before the function environments, which need the services'
 * endpoints. A call before {@link #bind} waits for it (e.g. a stream record kept by {@code --state}).
 */
final class DeferredInvoker implements FunctionInvoker {

    private final CompletableFuture<FunctionInvoker> target = new CompletableFuture<>();

    void bind(FunctionInvoker invoker) {
        target.complete(invoker);
    }

    @Override
    public InvokeOutcome invoke(String functionId, byte[] event) {
        return target.join().invoke(functionId, event);
    }
}
