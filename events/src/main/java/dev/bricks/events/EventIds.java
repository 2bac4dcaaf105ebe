package dev.bricks.events;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Event ids: UUID version 7 (RFC 9562) — 48 bits of Unix milliseconds, then random bits — so ids sort by
 * creation time (an outbox uses them as sort keys). Thread-safe.
 */
final class EventIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {}

    static String next() {
        return next(System.currentTimeMillis(), RANDOM.nextLong(), RANDOM.nextLong());
    }

    static String next(long epochMillis, long randomHigh, long randomLow) {
        long msb = (epochMillis << 16) | 0x7000L | (randomHigh & 0x0FFFL);
        long lsb = (randomLow & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
