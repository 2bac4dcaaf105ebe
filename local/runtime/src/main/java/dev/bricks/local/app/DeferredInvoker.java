package dev.bricks.local.app;

import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.InvokeOutcome;

/**
 * A {@link FunctionInvoker} bound after construction: services that need an invoker at start (S3's
 * notifications) start before the function environments, which need the services' endpoints. Nothing is
 * invoked before {@link #bind}, since no trigger fires before the app is ready.
 */
final class DeferredInvoker implements FunctionInvoker {

    private volatile FunctionInvoker target;

    void bind(FunctionInvoker invoker) {
        this.target = invoker;
    }

    @Override
    public InvokeOutcome invoke(String functionId, byte[] event) {
        FunctionInvoker t = target;
        if (t == null) {
            throw new IllegalStateException("bricks-local is still starting");
        }
        return t.invoke(functionId, event);
    }
}
