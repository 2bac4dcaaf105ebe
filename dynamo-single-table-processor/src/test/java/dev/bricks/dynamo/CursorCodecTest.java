package dev.bricks.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

class CursorCodecTest {
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    final CursorCodec codec = new CursorCodec(SECRET);
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    final String binding = CursorCodec.binding("T", "entity=ORDER", query("ORDER#", true));
    final Map<String, AttributeValue> key =
            Map.of("PK", AttributeValue.fromS("USER#u1"), "SK", AttributeValue.fromS("ORDER#o9"));

    @Test
    void encode_thenDecode_returnsKeyAndHidesIt() {
        String cursor = codec.encode(binding, NOW, key);
        assertThat(codec.decode(binding, cursor, NOW, null)).isEqualTo(key);
        assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1))
                .doesNotContain("ORDER#o9", "USER#u1");
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void decode_alteredCursor_isRejectedAsForged() {
        String cursor = codec.encode(binding, NOW, key);
        char c = cursor.charAt(20);
        String altered = cursor.substring(0, 20) + (c == 'A' ? 'B' : 'A') + cursor.substring(21);
        assertThatThrownBy(() -> codec.decode(binding, altered, NOW, null))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage("Cursor rejected: signature does not match (forged, altered, or signed with another key)");
    }

    @Test
    void decode_cursorFromAnotherKey_isRejected() {
        String cursor = new CursorCodec("another-secret-another-secret-!!".getBytes(StandardCharsets.UTF_8))
                .encode(binding, NOW, key);
        assertThatThrownBy(() -> codec.decode(binding, cursor, NOW, null))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("signature does not match");
    }

    private static QueryRequest query(String skPrefix, boolean forward) {
        return QueryRequest.builder()
                .tableName("T")
                .keyConditionExpression("#a0 = :v0 AND begins_with(#a1, :v1)")
                .expressionAttributeNames(Map.of("#a0", "PK", "#a1", "SK"))
                .expressionAttributeValues(
                        Map.of(":v0", AttributeValue.fromS("USER#u1"), ":v1", AttributeValue.fromS(skPrefix)))
                .scanIndexForward(forward)
                .build();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
      other entity          | entity=USER  | ORDER#   | true
      other sort-key prefix | entity=ORDER | ORDER#2# | true
      other direction       | entity=ORDER | ORDER#   | false
      """)
    void decode_cursorOfAnotherQuery_isRejectedWithoutNamingInternals(
            String name, String source, String prefix, boolean forward) {
        String cursor = codec.encode(CursorCodec.binding("T", source, query(prefix, forward)), NOW, key);
        assertThatThrownBy(() -> codec.decode(binding, cursor, NOW, null))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage(
                        "Cursor rejected: issued for another query (its partition, conditions, filter or order differ)")
                .hasMessageNotContaining("T|")
                .hasMessageNotContaining("USER#u1");
    }

    @Test
    void decode_filterChanged_isRejected() {
        QueryRequest filtered = query("ORDER#", true).toBuilder()
                .filterExpression("#a2 = :v2")
                .expressionAttributeNames(Map.of("#a0", "PK", "#a1", "SK", "#a2", "Status"))
                .expressionAttributeValues(Map.of(
                        ":v0",
                        AttributeValue.fromS("USER#u1"),
                        ":v1",
                        AttributeValue.fromS("ORDER#"),
                        ":v2",
                        AttributeValue.fromS("PAID")))
                .build();
        String cursor = codec.encode(CursorCodec.binding("T", "entity=ORDER", filtered), NOW, key);
        assertThatThrownBy(() -> codec.decode(binding, cursor, NOW, null))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("issued for another query");
    }

    @Test
    void decode_afterTtl_isRejectedAsExpired_andWithinTtl_isAccepted() {
        String cursor = codec.encode(binding, NOW, key);
        assertThat(codec.decode(binding, cursor, NOW.plus(Duration.ofMinutes(15)), Duration.ofMinutes(15)))
                .isEqualTo(key);
        assertThatThrownBy(
                        () -> codec.decode(binding, cursor, NOW.plus(Duration.ofMinutes(16)), Duration.ofMinutes(15)))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessage("Cursor rejected: expired; start the query again from the first page");
    }

    @Test
    void decode_garbage_isRejected() {
        assertThatThrownBy(() -> codec.decode(binding, "%%%", NOW, null))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("bad encoding");
        assertThatThrownBy(() -> codec.decode(binding, "abcd", NOW, null))
                .isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("too short");
    }
}
