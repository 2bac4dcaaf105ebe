package dev.bricks.core.http;

import static dev.bricks.core.http.TestEvents.body;
import static dev.bricks.core.http.TestEvents.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.core.Fixtures;
import dev.bricks.core.json.Lenient;
import dev.bricks.core.samples.PlaceOrderHandler;
import dev.bricks.core.validation.Min;
import dev.bricks.core.validation.NotBlank;
import dev.bricks.core.validation.Nullable;
import dev.bricks.core.validation.Size;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request bodies bind exactly or answer 422 naming every wrong field: no silent coercion. */
class StrictBindingTest {

    enum Colour {
        RED,
        GREEN
    }

    record Strict(int count, long big, double ratio, boolean flag, String name, Colour colour, Integer boxed) {}

    record Loose(
            @Lenient int count,
            @Lenient boolean flag,
            @Lenient String name,
            @Lenient double ratio) {}

    record Tags(
            List<@NotBlank @Size(max = 5) String> tags, List<@Nullable String> notes, List<@Min(1) Integer> scores) {}

    static final class Api extends HttpHandler {
        @Route(method = HttpMethod.POST, path = "/strict")
        Strict strict(Strict body) {
            return body;
        }

        @Route(method = HttpMethod.POST, path = "/loose")
        Loose loose(Loose body) {
            return body;
        }

        @Route(method = HttpMethod.POST, path = "/tags")
        Tags tags(Tags body) {
            return body;
        }
    }

    private static Map<String, Object> post(String path, String json) {
        return parse(Fixtures.run(new Api(), TestEvents.v2("POST", path, "application/json", json)));
    }

    private static Object errors(Map<String, Object> response) {
        assertThat(response.get("statusCode")).isEqualTo(422);
        assertThat(body(response)).containsEntry("type", ProblemType.INVALID_FIELDS.uri());
        return body(response).get("errors");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "count  | 2.5                    | must be an integer",
                "count  | '\"2\"'                | must be an integer",
                "count  | true                   | must be an integer",
                "count  | 3000000000             | must be an integer between -2147483648 and 2147483647",
                "count  | null                   | must not be null",
                "big    | 1e400                  | must be an integer",
                "ratio  | '\"0.5\"'              | must be a number",
                "flag   | '\"true\"'             | must be true or false",
                "flag   | 1                      | must be true or false",
                "name   | 42                     | must be a string",
                "name   | false                  | must be a string",
                "name   | '{}'                   | must be a string",
                "colour | '\"red\"'              | must be one of [RED, GREEN]",
                "boxed  | 1.5                    | must be an integer",
            })
    void bind_wrongScalar_returns422NamingField(String field, String json, String message) {
        Map<String, String> members = new LinkedHashMap<>(Map.of(
                "count", "1", "big", "1", "ratio", "0.5", "flag", "true", "name", "\"n\"", "colour", "\"RED\"", "boxed",
                "1"));
        members.put(field, json);
        StringJoiner body = new StringJoiner(",", "{", "}");
        members.forEach((name, value) -> body.add("\"" + name + "\":" + value));

        Map<String, Object> response = post("/strict", body.toString());

        assertThat(errors(response)).isEqualTo(List.of(Map.of("field", field, "message", message)));
    }

    @Test
    void bind_exactValues_bindWithoutLoss() {
        Map<String, Object> response = post(
                "/strict",
                "{\"count\":2.0,\"big\":9007199254740993,\"ratio\":0.1,"
                        + "\"flag\":true,\"name\":\"n\",\"colour\":\"RED\",\"boxed\":1e2}");

        assertThat(response.get("statusCode")).isEqualTo(200);
        assertThat(body(response))
                .isEqualTo(Map.of(
                        "count",
                        2,
                        "big",
                        9007199254740993L,
                        "ratio",
                        0.1,
                        "flag",
                        true,
                        "name",
                        "n",
                        "colour",
                        "RED",
                        "boxed",
                        100));
    }

    @Test
    void bind_lenientComponents_acceptScalarsAsText() {
        Map<String, Object> response =
                post("/loose", "{\"count\":\"7\",\"flag\":\"true\",\"name\":12,\"ratio\":\"0.5\"}");

        assertThat(response.get("statusCode")).isEqualTo(200);
        assertThat(body(response)).isEqualTo(Map.of("count", 7, "flag", true, "name", "12", "ratio", 0.5));
    }

    @Test
    void bind_missingPrimitive_returns422Required() {
        Map<String, Object> response = post("/strict", "{\"big\":1,\"ratio\":0.5,\"flag\":true}");

        assertThat(errors(response)).isEqualTo(List.of(Map.of("field", "count", "message", "is required")));
    }

    @Test
    void bind_lenientInteger_stillRejectsFraction() {
        Map<String, Object> response = post("/loose", "{\"count\":\"2.5\",\"flag\":false,\"ratio\":1}");

        assertThat(errors(response)).isEqualTo(List.of(Map.of("field", "count", "message", "must be an integer")));
    }

    @Test
    void bind_listElements_nullAndConstraintsCheckedUnlessNullable() {
        Map<String, Object> response =
                post("/tags", "{\"tags\":[\"a\",null,\" \",\"toolong\"],\"notes\":[null,\"n\"],\"scores\":[1,0,null]}");

        assertThat(errors(response))
                .isEqualTo(List.of(
                        Map.of("field", "tags[1]", "message", "must not be null"),
                        Map.of("field", "tags[2]", "message", "must not be blank"),
                        Map.of("field", "tags[3]", "message", "size must be at most 5"),
                        Map.of("field", "scores[1]", "message", "must be greater than or equal to 1"),
                        Map.of("field", "scores[2]", "message", "must not be null")));
    }

    @Test
    void placeOrder_wrongTypesAndConstraintViolations_allInOne422() {
        String json = "{\"userId\":5,\"items\":[{\"sku\":\"\",\"quantity\":2.5},{\"sku\":\"A\",\"quantity\":\"x\"},"
                + "null,{\"sku\":\"B\",\"quantity\":0}]}";

        Map<String, Object> response =
                parse(Fixtures.run(new PlaceOrderHandler(), TestEvents.v2("POST", "/order", "application/json", json)));

        assertThat(errors(response))
                .isEqualTo(List.of(
                        Map.of("field", "userId", "message", "must be a string"),
                        Map.of("field", "items[0].quantity", "message", "must be an integer"),
                        Map.of("field", "items[1].quantity", "message", "must be an integer"),
                        Map.of("field", "items[0].sku", "message", "must not be blank"),
                        Map.of("field", "items[2]", "message", "must not be null"),
                        Map.of("field", "items[3].quantity", "message", "must be greater than or equal to 1")));
        assertThat(body(response)).containsEntry("detail", "6 field(s) are invalid");
    }

    @Test
    void placeOrder_bodyNotAnObject_returns422ForTheDocument() {
        Map<String, Object> response = parse(
                Fixtures.run(new PlaceOrderHandler(), TestEvents.v2("POST", "/order", "application/json", "[1,2]")));

        assertThat(errors(response)).isEqualTo(List.of(Map.of("field", "$", "message", "must be an object")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "nesting beyond jackson-core's limit | DEEP",
                "a number longer than jackson-core's limit | LONG_NUMBER",
                "trailing content | {\"userId\":\"u\",\"items\":[]} {}",
                "truncated | {\"userId\":\"u\",\"items\":[",
                "a bare word | userId"
            })
    void placeOrder_hostileBody_returns400MalformedWithoutEcho(String what, String body) {
        String json = switch (body) {
            case "DEEP" -> "{\"userId\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
            case "LONG_NUMBER" -> "{\"userId\":\"u\",\"items\":[],\"n\":" + "9".repeat(5_000) + "}";
            default -> body;
        };

        Map<String, Object> response =
                parse(Fixtures.run(new PlaceOrderHandler(), TestEvents.v2("POST", "/order", "application/json", json)));

        assertThat(response.get("statusCode")).as(what).isEqualTo(400);
        String detail = String.valueOf(body(response).get("detail"));
        assertThat(detail)
                .as(what)
                .startsWith(
                        body.equals("DEEP") || body.equals("LONG_NUMBER")
                                ? "request body is not valid JSON: malformed JSON: "
                                : "request body is not valid JSON: malformed JSON at line 1, column ")
                .doesNotContain("userId")
                .doesNotContain("99999")
                .doesNotContain("StreamReadConstraints");
    }

    @Test
    void placeOrder_invalidUtf8InBody_returns400Malformed() {
        byte[] raw = "{\"userId\":\"\u00ff\",\"items\":[\"a\"]}".getBytes(StandardCharsets.ISO_8859_1);
        String event = TestEvents.v2("POST", "/order", "application/json", null)
                .replace(
                        "\"isBase64Encoded\":false",
                        "\"body\":\"" + Base64.getEncoder().encodeToString(raw) + "\",\"isBase64Encoded\":true");

        Map<String, Object> response = parse(Fixtures.run(new PlaceOrderHandler(), event));

        assertThat(response.get("statusCode")).isEqualTo(400);
        assertThat(String.valueOf(body(response).get("detail"))).startsWith("request body is not valid JSON");
    }
}
