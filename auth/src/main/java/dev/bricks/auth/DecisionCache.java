package dev.bricks.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verified decisions keyed by the SHA-256 of the token's UTF-8 bytes after the {@code Bearer } strip (the
 * token itself is never stored), bounded (least recently used evicted first) and expiring at the earlier of the
 * token's {@code exp} and the TTL.
 * Thread-safe (one lock; a Lambda environment runs one invocation at a time).
 */
final class DecisionCache {

    /** The 32 digest bytes as four longs: cheap equals and hash. */
    record Key(long a, long b, long c, long d) {}

    private record Entry(Decision decision, long expiresAtMillis) {}

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    });

    private final int maxEntries;
    private final long ttlMillis;
    private final Clock clock;
    private final LinkedHashMap<Key, Entry> map;

    DecisionCache(int maxEntries, long ttlMillis, Clock clock) {
        this.maxEntries = maxEntries;
        this.ttlMillis = ttlMillis;
        this.clock = clock;
        this.map = new LinkedHashMap<>(Math.min(maxEntries, 1024) * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > DecisionCache.this.maxEntries;
            }
        };
    }

    /**
     * The key of a token as received: the SHA-256 of its UTF-8 bytes, taken before the shape check, so two
     * tokens that differ in any character (also outside ASCII) never share a key.
     */
    static Key key(String token) {
        MessageDigest md = SHA256.get();
        byte[] h = md.digest(token.getBytes(StandardCharsets.UTF_8));
        return new Key(longAt(h, 0), longAt(h, 8), longAt(h, 16), longAt(h, 24));
    }

    /** The live decision for the key, or null. */
    Decision get(Key key) {
        long now = clock.millis();
        synchronized (map) {
            Entry e = map.get(key);
            if (e == null) {
                return null;
            }
            if (now >= e.expiresAtMillis) {
                map.remove(key);
                return null;
            }
            return e.decision;
        }
    }

    /**
     * Keeps an allowed decision until {@code min(exp, now + ttl)}, or a cacheable deny until {@code now + ttl};
     * anything else (key-source trouble, time-dependent denies) is not kept.
     */
    void put(Key key, Decision decision, long expMillis) {
        if (!decision.allowed() && !decision.reason().cacheable()) {
            return;
        }
        long now = clock.millis();
        long until = now + ttlMillis;
        if (decision.allowed()) {
            until = Math.min(until, expMillis);
        }
        if (until <= now) {
            return;
        }
        synchronized (map) {
            map.put(key, new Entry(decision, until));
        }
    }

    int size() {
        synchronized (map) {
            return map.size();
        }
    }

    private static long longAt(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
