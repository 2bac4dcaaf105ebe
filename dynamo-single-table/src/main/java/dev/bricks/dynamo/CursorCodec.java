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
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque pagination cursors: the last evaluated key, bound to the query it came from (table, entity or
 * collection, index, partition), encrypted with AES-128-CTR (so raw keys are never exposed) and signed with
 * HMAC-SHA256 over version, IV and ciphertext (encrypt-then-MAC). Both keys are derived from the configured
 * secret with HMAC-SHA256 and distinct labels. Format: base64url(iv[16] | ciphertext | mac[32]), no padding.
 * Thread-safe.
 */
final class CursorCodec {
  private static final byte VERSION = 1;
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

  String encode(String binding, Map<String, AttributeValue> key) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(binding);
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

  Map<String, AttributeValue> decode(String expectedBinding, String cursor) {
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
      String binding = in.readUTF();
      if (!binding.equals(expectedBinding)) {
        throw new InvalidCursorException("issued for another query (" + describe(binding) + "), not for "
            + describe(expectedBinding));
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

  /** Binding without the partition value, which stays out of messages. */
  private static String describe(String binding) {
    int p = binding.indexOf("|partition=");
    return p < 0 ? binding : binding.substring(0, p);
  }

  static String binding(String table, String source, String index, String partitionValue) {
    return "table=" + table + "|" + source + "|index=" + (index == null ? "-" : index) + "|partition="
        + partitionValue;
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
