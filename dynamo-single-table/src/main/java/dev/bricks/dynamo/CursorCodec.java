package dev.bricks.dynamo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Opaque pagination cursors: the last evaluated key, bound to the whole query it came from (table, entity or
 * collection, index, partition, sort-key condition, filter, direction and projection, as a SHA-256 digest of
 * the rendered request), stamped with its issue time for an optional expiry, encrypted with AES-128-CTR (so raw keys are never exposed) and signed with
 * HMAC-SHA256 over version, IV and ciphertext (encrypt-then-MAC). Both keys are derived from the configured
 * secret with HMAC-SHA256 and distinct labels. Format: base64url(iv[16] | ciphertext | mac[32]), no padding.
 * Thread-safe.
 */
final class CursorCodec {
    private static final byte VERSION = 2;
    private static final int DIGEST = 32;
    private static final int IV = 16;
    private static final int MAC = 32;
    private static final int MAX_CURSOR_CHARS = 8192;
    private final SecretKeySpec encKey;
    private final SecretKeySpec macKey;
    private final SecureRandom random = new SecureRandom();

    CursorCodec(byte[] secret) {
        this.encKey = new SecretKeySpec(Arrays.copyOf(hmac(secret, "bricks-cursor-encryption"), 16), "AES");
        this.macKey = new SecretKeySpec(hmac(secret, "bricks-cursor-signature"), "HmacSHA256");
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String encode(String binding, Instant issuedAt, Map<String, AttributeValue> key) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(digest(binding));
            out.writeLong(issuedAt.getEpochSecond());
            out.writeShort(key.size());
            for (Map.Entry<String, AttributeValue> e : key.entrySet()) {
                out.writeUTF(e.getKey());
                AttributeValue v = e.getValue();
                if (v.s() != null) {
                    out.writeByte('S');
                    out.writeUTF(v.s());
                } else if (v.n() != null) {
                    out.writeByte('N');
                    out.writeUTF(v.n());
                } else if (v.b() != null) {
                    out.writeByte('B');
                    byte[] b = v.b().asByteArray();
                    out.writeShort(b.length);
                    out.write(b);
                } else {
                    throw new IllegalArgumentException("Key attribute " + e.getKey() + " is not S, N or B");
                }
            }
            byte[] iv = new byte[IV];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, encKey, new IvParameterSpec(iv));
            byte[] ct = c.doFinal(bytes.toByteArray());
            byte[] mac = mac(iv, ct);
            byte[] token = new byte[IV + ct.length + MAC];
            System.arraycopy(iv, 0, token, 0, IV);
            System.arraycopy(ct, 0, token, IV, ct.length);
            System.arraycopy(mac, 0, token, IV + ct.length, MAC);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode cursor", e);
        }
    }

    /**
     * The key of a cursor issued for {@code expectedBinding}.
     *
     * @param now the current time; with {@code ttl}, a cursor issued longer ago is refused
     * @param ttl cursor lifetime, or null when cursors never expire
     * @throws InvalidCursorException naming only what the client did wrong (never the table, index or key)
     */
    Map<String, AttributeValue> decode(String expectedBinding, String cursor, Instant now, Duration ttl) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > MAX_CURSOR_CHARS) {
            throw new InvalidCursorException("empty or oversized");
        }
        byte[] token;
        try {
            token = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("not a cursor issued by this service (bad encoding)");
        }
        if (token.length < IV + MAC + 1) {
            throw new InvalidCursorException("not a cursor issued by this service (too short)");
        }
        byte[] iv = Arrays.copyOfRange(token, 0, IV);
        byte[] ct = Arrays.copyOfRange(token, IV, token.length - MAC);
        byte[] mac = Arrays.copyOfRange(token, token.length - MAC, token.length);
        if (!MessageDigest.isEqual(mac, mac(iv, ct))) {
            throw new InvalidCursorException("signature does not match (forged, altered, or signed with another key)");
        }
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(Cipher.DECRYPT_MODE, encKey, new IvParameterSpec(iv));
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(c.doFinal(ct)));
            byte[] binding = new byte[DIGEST];
            in.readFully(binding);
            if (!MessageDigest.isEqual(binding, digest(expectedBinding))) {
                throw new InvalidCursorException(
                        "issued for another query (its partition, conditions, filter or order differ)");
            }
            Instant issued = Instant.ofEpochSecond(in.readLong());
            if (ttl != null && issued.plus(ttl).isBefore(now)) {
                throw new InvalidCursorException("expired; start the query again from the first page");
            }
            int n = in.readShort();
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int type = in.readByte();
                switch (type) {
                    case 'S' -> key.put(name, AttributeValue.fromS(in.readUTF()));
                    case 'N' -> key.put(name, AttributeValue.fromN(in.readUTF()));
                    case 'B' -> {
                        byte[] b = new byte[in.readShort()];
                        in.readFully(b);
                        key.put(name, AttributeValue.fromB(SdkBytes.fromByteArray(b)));
                    }
                    default -> throw new InvalidCursorException("malformed content");
                }
            }
            return key;
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidCursorException("malformed content");
        }
    }

    private static byte[] digest(String binding) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(binding.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a cursor is bound to: the table, the query's source (entity or collection) and its rendered request. */
    static String binding(String table, String source, QueryRequest request) {
        return "table=" + table + "|" + source + "|index=" + request.indexName() + "|key="
                + request.keyConditionExpression()
                + "|filter=" + request.filterExpression() + "|projection=" + request.projectionExpression() + "|names="
                + new TreeMap<>(request.expressionAttributeNames()) + "|values="
                + new TreeMap<>(request.expressionAttributeValues())
                + "|forward=" + request.scanIndexForward();
    }

    private byte[] mac(byte[] iv, byte[] ct) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(macKey);
            m.update(VERSION);
            m.update(iv);
            return m.doFinal(ct);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
