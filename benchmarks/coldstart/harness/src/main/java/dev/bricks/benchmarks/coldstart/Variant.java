package dev.bricks.benchmarks.coldstart;

import java.nio.file.Path;

/**
 * One row of the benchmark: a deployment zip, its handler, and whether it starts with its own
 * class-data-sharing archive.
 *
 * @param name the row's name, e.g. {@code bare+archive}
 * @param zip the deployment package, as {@code mvn package} wrote it
 * @param handler the Lambda handler string
 * @param archived whether the environment starts with {@code JAVA_TOOL_OPTIONS=-XX:SharedArchiveFile=…}
 * @param placesOrders whether it implements placeOrder (201 expected) rather than hello world (200)
 */
record Variant(String name, Path zip, String handler, boolean archived, boolean placesOrders) {

    /** The name of the deployment this variant runs ({@code bare} for {@code bare+archive}). */
    String deploymentName() {
        return archived ? name.substring(0, name.indexOf('+')) : name;
    }

    int expectedStatus() {
        return placesOrders ? 201 : 200;
    }

    Variant withArchive() {
        return new Variant(name + "+archive", zip, handler, true, placesOrders);
    }
}
