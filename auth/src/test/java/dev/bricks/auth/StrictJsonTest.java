package dev.bricks.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    @Test
    void parseObject_claims_plainJavaValues() throws Exception {
        Map<String, Object> m = StrictJson.parseObject(
                "{\"s\":\"a\\u00e9\\n\\ud83d\\ude00\",\"n\":-12,\"d\":1.5e3,\"t\":true,\"f\":false,\"z\":null,"
                        + "\"l\":[1,\"x\"],\"o\":{\"k\":{}} }",
                4);

        assertThat(m)
                .containsEntry("s", "a\u00e9\n\ud83d\ude00")
                .containsEntry("n", -12L)
                .containsEntry("d", 1500.0)
                .containsEntry("t", true)
                .containsEntry("f", false)
                .containsEntry("z", null)
                .containsEntry("l", List.of(1L, "x"))
                .containsEntry("o", Map.of("k", Map.of()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":1,\"a\":2}|DUPLICATE_MEMBER",
                "{\"o\":{\"b\":1,\"b\":1}}|DUPLICATE_MEMBER",
                "{\"a\\u0061\":1,\"aa\":2}|DUPLICATE_MEMBER",
                "{\"a\":[[[[1]]]]}|JSON_TOO_DEEP",
                "{\"a\":01}|MALFORMED_JSON",
                "{\"a\":1,}|MALFORMED_JSON",
                "{'a':1}|MALFORMED_JSON",
                "{\"a\":NaN}|MALFORMED_JSON",
                "{\"a\":\"\\ud800\"}|MALFORMED_JSON",
                "{\"a\":\"\\x\"}|MALFORMED_JSON",
                "{\"a\":1} x|MALFORMED_JSON",
                "[1]|MALFORMED_JSON",
                "{\"a\":tru}|MALFORMED_JSON",
                "{\"a\":1e999}|MALFORMED_JSON",
                "{\"a\":-}|MALFORMED_JSON",
                "{\"a\"|MALFORMED_JSON"
            })
    void parseObject_badDocument_rejectedWithReason(String json, DenyReason reason) {
        assertThatThrownBy(() -> StrictJson.parseObject(json, 4))
                .isInstanceOfSatisfying(
                        StrictJson.Rejected.class, e -> assertThat(e.reason).isEqualTo(reason));
    }

    @Test
    void parseObject_controlCharacterInString_rejected() {
        assertThatThrownBy(() -> StrictJson.parseObject("{\"a\":\"x\u0001\"}", 4))
                .isInstanceOf(StrictJson.Rejected.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aA.bA.cA", "eyJh.eyJi.c2ln", "e30.e30.AA"})
    void segments_strictBase64Url_accepted(String token) {
        assertThat(TokenShape.segments(token)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a.b",
                "a.b.c.d",
                ".b.c",
                "a..c",
                "a.b.",
                "a.b.c=",
                "a.b+.c",
                "a.b.c ",
                "e31.e30.AA",
                "a.b.A",
                "a.b.AB"
            })
    void segments_notStrict_rejected(String token) {
        assertThat(TokenShape.segments(token)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"Bearer abc,abc", "bearer abc,abc", "BEARER abc,abc", "abc,abc", "Bearerabc,Bearerabc"})
    void stripBearer_anyCase_stripped(String value, String expected) {
        assertThat(TokenShape.stripBearer(value)).isEqualTo(expected);
    }

    @Test
    void jsonOut_string_escapesQuotesBackslashControlsAndLineSeparatorsKeepsTheRest() throws Exception {
        String in = "plain \"q\" back\\slash\ttab\nnl\r\u0001 \u2028\u2029 caf\u00e9 end";

        String out = new JsonOut().string(in).toString();

        assertThat(out)
                .isEqualTo("\"plain \\\"q\\\" back\\\\slash\\ttab\\nnl\\r\\u0001 \\u2028\\u2029 caf\u00e9 end\"");
        assertThat(StrictJson.parseObject("{\"k\":" + out + "}", 2)).containsEntry("k", in);
        assertThat(new JsonOut().string("").toString()).isEqualTo("\"\"");
    }
}
