package com.example.orders;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/** Order ids that sort by creation time: 12 hex digits of epoch milliseconds, then 16 random hex digits. */
final class OrderIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderIds() {}

    static String next(Instant now) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return String.format("%012x", now.toEpochMilli()) + HexFormat.of().formatHex(random);
    }
}
