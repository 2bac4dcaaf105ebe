package dev.bricks.core.processor;

import java.util.Set;

/**
 * {@link Sources#all()} compiled once per test JVM both ways, for tests in other packages (events' package-private
 * {@code EventTypes}). Init-once: the compilations and their loaders are never changed after the first call.
 */
public final class CompiledSamples {

    private static final class Holder {
        static final TestCompiler.Compilation GENERATED = checked(TestCompiler.compile(true, Sources.all()));
        static final TestCompiler.Compilation REFLECTED = checked(TestCompiler.compile(false, Sources.all()));
        static final TestCompiler.RecordingLoader GENERATED_LOADER = GENERATED.loader();
        static final TestCompiler.RecordingLoader REFLECTED_LOADER = REFLECTED.loader();
    }

    private CompiledSamples() {}

    /** The loader over the classes compiled with the processor. */
    public static ClassLoader generated() {
        return Holder.GENERATED_LOADER;
    }

    /** The loader over the classes compiled without it. */
    public static ClassLoader reflected() {
        return Holder.REFLECTED_LOADER;
    }

    /** The classes the processor-compiled loader has loaded so far. */
    public static Set<String> generatedLoaded() {
        return Set.copyOf(Holder.GENERATED_LOADER.loaded);
    }

    private static TestCompiler.Compilation checked(TestCompiler.Compilation c) {
        if (!c.success()) {
            throw new IllegalStateException("sample sources did not compile:\n" + c.errors());
        }
        return c;
    }
}
