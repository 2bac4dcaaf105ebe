package dev.bricks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.core.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bricks' own tree reads every document as databind's tree did: same values, same text, same errors. */
class JsonTreeTest {

    private static final ObjectMapper DATABIND = new ObjectMapper();

    private static JsonValue ours(String json) {
        return JsonSupport.tree(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\\u00e9\\n\\\"q\\\"\"}}",
                "[0,-1,2147483647,2147483648,-9223372036854775808,9223372036854775808,123456789012345678901234567890]",
                "[1.5,-0.0,1e3,1E-7,2.0,0.1,12345678901234567890.5,1e400,-1e400]",
                "{\"dup\":1,\"x\":2,\"dup\":3}",
                "\"just text\"",
                "42",
                "null",
                "{\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{\\\"userId\\\":\\\"u\\\"}\","
                        + "\"requestContext\":{\"timeEpoch\":1700000000000,\"http\":{\"method\":\"POST\"}}}",
                "  {\"emoji\":\"\\ud83d\\ude00 \u00fc\"}  \n"
            })
    void tree_document_sameJsonTextAndLeavesAsDatabind(String json) throws Exception {
        JsonValue ours = ours(json);
        JsonNode theirs = DATABIND.readTree(json);

        assertThat(ours.toString()).isEqualTo(theirs.toString());
        assertSameLeaves(ours, theirs, "$");
    }

    private static void assertSameLeaves(JsonValue ours, JsonNode theirs, String path) {
        assertThat(ours.isObject()).as(path).isEqualTo(theirs.isObject());
        assertThat(ours.isArray()).as(path).isEqualTo(theirs.isArray());
        assertThat(ours.isTextual()).as(path).isEqualTo(theirs.isTextual());
        assertThat(ours.isNumber()).as(path).isEqualTo(theirs.isNumber());
        assertThat(ours.isIntegralNumber()).as(path).isEqualTo(theirs.isIntegralNumber());
        assertThat(ours.isBoolean()).as(path).isEqualTo(theirs.isBoolean());
        assertThat(ours.isNull()).as(path).isEqualTo(theirs.isNull());
        assertThat(ours.isValueNode()).as(path).isEqualTo(theirs.isValueNode());
        assertThat(ours.size()).as(path).isEqualTo(theirs.size());
        assertThat(ours.asText()).as(path).isEqualTo(theirs.asText());
        assertThat(ours.textValue()).as(path).isEqualTo(theirs.textValue());
        assertThat(ours.numberValue()).as(path).isEqualTo(theirs.numberValue());
        assertThat(ours.intValue()).as(path).isEqualTo(theirs.intValue());
        assertThat(ours.longValue()).as(path).isEqualTo(theirs.longValue());
        assertThat(ours.doubleValue()).as(path).isEqualTo(theirs.doubleValue());
        assertThat(ours.booleanValue()).as(path).isEqualTo(theirs.booleanValue());
        if (ours.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonValue>> it = ours.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonValue> member = it.next();
                names.add(member.getKey());
                assertSameLeaves(member.getValue(), theirs.get(member.getKey()), path + "." + member.getKey());
            }
            List<String> theirNames = new ArrayList<>();
            theirs.fieldNames().forEachRemaining(theirNames::add);
            assertThat(names).as(path).isEqualTo(theirNames);
        } else if (ours.isArray()) {
            for (int i = 0; i < ours.size(); i++) {
                assertSameLeaves(ours.get(i), theirs.get(i), path + "[" + i + "]");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} {}", "{\"a\":1} x", "[1,2", "{\"id\":\"secret-value\",", "{\"a\" 1}", "nul", "[1,]"})
    void tree_notOneJsonValue_malformedWithLocationButNotInput(String json) {
        assertThatThrownBy(() -> ours(json)).isInstanceOfSatisfying(JsonException.class, e -> {
            assertThat(e.kind()).isEqualTo(JsonException.Kind.MALFORMED);
            assertThat(e.getMessage())
                    .startsWith("malformed JSON at line 1, column ")
                    .doesNotContain("secret");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\t "})
    void tree_noValue_malformedEmptyDocument(String json) {
        assertThatThrownBy(() -> ours(json))
                .isInstanceOfSatisfying(
                        JsonException.class, e -> assertThat(e.getMessage()).isEqualTo("empty JSON document"));
    }

    @Test
    void tree_nestingBeyondJacksonsLimit_malformedNotStackOverflow() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);

        assertThatThrownBy(() -> ours(deep))
                .isInstanceOfSatisfying(
                        JsonException.class, e -> assertThat(e.kind()).isEqualTo(JsonException.Kind.MALFORMED));
    }

    @Test
    void objectBuiltByHand_writtenInInsertionOrderWithNulls() {
        JsonObject root = JsonSupport.objectNode();
        root.put("statusCode", 201).put("text", (String) null).put("ok", true);
        root.putArray("cookies").add("a=1").add((String) null);
        root.putObject("headers").put("x", "y");

        assertThat(root.toString())
                .isEqualTo("{\"statusCode\":201,\"text\":null,\"ok\":true,\"cookies\":[\"a=1\",null],"
                        + "\"headers\":{\"x\":\"y\"}}");
    }
}
