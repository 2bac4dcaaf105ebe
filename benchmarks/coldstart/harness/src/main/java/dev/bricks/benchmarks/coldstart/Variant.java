package dev.bricks.benchmarks.coldstart;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One row of the benchmark: a function's deployment zip, the JDK it runs on, how Lambda loads it, and whether it
 * starts with build-time help (JDK 17: a dynamic CDS archive; JDK 25: an AOT cache). Named
 * {@code <function>/<jdk>/<loading>[+cds|+aot]}, e.g. {@code bricks/25/image+aot}.
 *
 * @param function the function module under {@code functions/} ({@code floor}, {@code bare}, …)
 * @param zip the deployment package, as {@code mvn package} wrote it
 * @param handler the Lambda handler string
 * @param jdk the JDK's feature version and home
 * @param loading how the function's classes are loaded
 * @param helped whether the environment starts with the function's own archive/cache
 */
record Variant(String function, Path zip, String handler, Jdk jdk, Loading loading, boolean helped) {

    /** A JDK the functions run on. */
    record Jdk(int feature, Path home) {

        /** The build-time help this JDK allows: a dynamic CDS archive (17) or an AOT cache (24+). */
        Help help() {
            return feature >= 25 ? Help.AOT_CACHE : Help.CDS_ARCHIVE;
        }
    }

    /** The build-time help a deployment can ship. */
    enum Help {
        /** {@code -XX:ArchiveClassesAtExit} at build time, {@code -XX:SharedArchiveFile} at start. */
        CDS_ARCHIVE("cds", ".jsa"),
        /** {@code -XX:AOTCacheOutput} at build time, {@code -XX:AOTCache} at start (JDK 25). */
        AOT_CACHE("aot", ".aot");

        final String suffix;
        final String extension;

        Help(String suffix, String extension) {
            this.suffix = suffix;
            this.extension = extension;
        }
    }

    /** How Lambda loads the function's classes. */
    enum Loading {
        /**
         * A zip on the managed runtime: only the runtime client on {@code -cp}; its {@code CustomerClassLoader} loads
         * the task root and {@code lib/*.jar}.
         */
        ZIP,
        /** A container image or custom runtime with the function's jars on the system class path. */
        IMAGE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    String name() {
        return function + "/" + jdk.feature() + "/" + loading.label() + (helped ? "+" + jdk.help().suffix : "");
    }

    /** The same function, JDK and loading without build-time help: the row this one's help is judged against. */
    String unhelpedName() {
        return function + "/" + jdk.feature() + "/" + loading.label();
    }

    /** The directory name of this variant's unzipped deployment (one per function, whatever the JDK or loading). */
    String deploymentKey() {
        return function;
    }

    /** Whether it implements placeOrder (201 expected) rather than hello world (200). */
    boolean placesOrders() {
        return !function.equals("floor");
    }

    int expectedStatus() {
        return placesOrders() ? 201 : 200;
    }
}
