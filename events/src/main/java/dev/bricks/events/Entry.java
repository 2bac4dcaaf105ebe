package dev.bricks.events;

import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * One event ready to send: the SDK entry, its size as EventBridge counts it, its position in the caller's
 * collection and how many calls carried it so far.
 */
record Entry<E>(int index, E event, PutEventsRequestEntry request, long size, int attempts) {

    /** A copy counting one more attempt. */
    Entry<E> attempted() {
        return new Entry<>(index, event, request, size, attempts + 1);
    }

    /** Entry size as EventBridge documents it: 14 for Time, plus UTF-8 Source, DetailType, Detail, Resources. */
    static long sizeOf(PutEventsRequestEntry entry) {
        long size = entry.time() != null ? 14 : 0;
        size += utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
        if (entry.hasResources()) {
            for (String resource : entry.resources()) {
                size += utf8(resource);
            }
        }
        return size;
    }

    private static long utf8(String value) {
        if (value == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
