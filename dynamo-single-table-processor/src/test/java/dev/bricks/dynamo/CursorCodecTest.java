package dev.bricks.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorCodecTest {
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  final CursorCodec codec = new CursorCodec(SECRET);
  final String binding = CursorCodec.binding("T", "entity=ORDER", null, "USER#u1");
  final Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("USER#u1"), "SK", AttributeValue.fromS("ORDER#o9"));

  @Test
  void encode_thenDecode_returnsKeyAndHidesIt() {
    String cursor = codec.encode(binding, key);
    assertThat(codec.decode(binding, cursor)).isEqualTo(key);
    assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1)).doesNotContain("ORDER#o9", "USER#u1");
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void decode_alteredCursor_isRejectedAsForged() {
    String cursor = codec.encode(binding, key);
    char c = cursor.charAt(20);
    String altered = cursor.substring(0, 20) + (c == 'A' ? 'B' : 'A') + cursor.substring(21);
    assertThatThrownBy(() -> codec.decode(binding, altered)).isInstanceOf(InvalidCursorException.class)
        .hasMessage("Cursor rejected: signature does not match (forged, altered, or signed with another key)");
  }

  @Test
  void decode_cursorFromAnotherKey_isRejected() {
    String cursor = new CursorCodec("another-secret-another-secret-!!".getBytes(StandardCharsets.UTF_8)).encode(binding, key);
    assertThatThrownBy(() -> codec.decode(binding, cursor)).isInstanceOf(InvalidCursorException.class)
        .hasMessageContaining("signature does not match");
  }

  @Test
  void decode_cursorOfAnotherQuery_isRejectedNamingBoth() {
    String cursor = codec.encode(CursorCodec.binding("T", "entity=USER", "GSI1", "X"), key);
    assertThatThrownBy(() -> codec.decode(binding, cursor)).isInstanceOf(InvalidCursorException.class)
        .hasMessage("Cursor rejected: issued for another query (table=T|entity=USER|index=GSI1), not for table=T|entity=ORDER|index=-");
  }

  @Test
  void decode_garbage_isRejected() {
    assertThatThrownBy(() -> codec.decode(binding, "%%%")).isInstanceOf(InvalidCursorException.class)
        .hasMessageContaining("bad encoding");
    assertThatThrownBy(() -> codec.decode(binding, "abcd")).isInstanceOf(InvalidCursorException.class)
        .hasMessageContaining("too short");
  }
}
