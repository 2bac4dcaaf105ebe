package com.example.orders;

import dev.bricks.local.app.LocalAppOptions;

/** The fault injection {@link ReliabilityIT} runs under (bricks-local's hooks). */
final class Faults {

    private Faults() {}

    static void configure(LocalAppOptions.Builder options) {}

    static String describe() {
        return "none";
    }
}
