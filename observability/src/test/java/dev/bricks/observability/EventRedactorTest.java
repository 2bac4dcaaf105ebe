package dev.bricks.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventRedactorTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJlLWJ5dGVz";

    private static JsonNode redact(String paths, String json) throws IOException {
        return StdoutCapture.JSON.readTree(
                EventRedactor.withPaths(paths).redact(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"headers\":{\"authorization\":\"Bearer abc\"}}|/headers/authorization",
                "{\"headers\":{\"Authorization\":\"Basic dTpw\"}}|/headers/Authorization",
                "{\"headers\":{\"AUTHORIZATION\":\"x\"}}|/headers/AUTHORIZATION",
                "{\"headers\":{\"Cookie\":\"session=1\"}}|/headers/Cookie",
                "{\"headers\":{\"set-cookie\":\"a=b\"}}|/headers/set-cookie",
                "{\"multiValueHeaders\":{\"Set-Cookie\":[\"a=b\",\"c=d\"]}}|/multiValueHeaders/Set-Cookie",
                "{\"cookies\":[\"session=1\"]}|/cookies",
                "{\"type\":\"TOKEN\",\"authorizationToken\":\"opaque-123\"}|/authorizationToken",
                "{\"type\":\"REQUEST\",\"identitySource\":[\"opaque-123\"]}|/identitySource",
                "{\"type\":\"REQUEST\",\"identitySource\":\"opaque-123\"}|/identitySource",
            })
    void redact_secretHeaderAnyCase_valueMasked(String event, String pointer) throws IOException {
        JsonNode redacted = redact(null, event);
        assertThat(redacted.at(pointer).asText()).isEqualTo(EventRedactor.MASK);
    }

    @Test
    void redact_jwtInsideAnyString_onlyTheTokenMasked() throws IOException {
        JsonNode redacted = redact(
                null,
                "{\"queryStringParameters\":{\"token\":\"" + JWT + "\"}," + "\"body\":\"{\\\"idToken\\\":\\\"" + JWT
                        + "\\\",\\\"userId\\\":\\\"u1\\\"}\"}");
        assertThat(redacted.at("/queryStringParameters/token").asText()).isEqualTo("***");
        assertThat(redacted.get("body").asText()).isEqualTo("{\"idToken\":\"***\",\"userId\":\"u1\"}");
    }

    @Test
    void redact_configuredPathsWithWildcardAndIndex_masked() throws IOException {
        JsonNode redacted = redact(
                "$.requestContext.authorizer.jwt.claims.email, Records.*.dynamodb.NewImage.email," + "items.1",
                "{\"requestContext\":{\"authorizer\":{\"jwt\":{\"claims\":{\"email\":\"a@b.c\",\"sub\":\"u1\"}}}},"
                        + "\"Records\":[{\"dynamodb\":{\"NewImage\":{\"email\":{\"S\":\"x@y.z\"},\"id\":{\"S\":\"1\"}}}}],"
                        + "\"items\":[\"keep\",\"secret\",3]}");
        assertThat(redacted.at("/requestContext/authorizer/jwt/claims/email").asText())
                .isEqualTo("***");
        assertThat(redacted.at("/requestContext/authorizer/jwt/claims/sub").asText())
                .isEqualTo("u1");
        assertThat(redacted.at("/Records/0/dynamodb/NewImage/email").asText()).isEqualTo("***");
        assertThat(redacted.at("/Records/0/dynamodb/NewImage/id/S").asText()).isEqualTo("1");
        assertThat(redacted.get("items").toString()).isEqualTo("[\"keep\",\"***\",3]");
    }

    @Test
    void redact_pathsIntoJsonBodyString_membersMaskedBodyStaysAString() throws IOException {
        String body = "{\\\"card\\\":{\\\"number\\\":\\\"4111111111111111\\\",\\\"brand\\\":\\\"visa\\\"},"
                + "\\\"items\\\":[{\\\"sku\\\":\\\"a\\\",\\\"pin\\\":\\\"1234\\\"}]}";
        JsonNode redacted = redact(
                "body.card.number, body.items.*.pin",
                "{\"httpMethod\":\"POST\",\"body\":\"" + body + "\",\"isBase64Encoded\":false}");

        assertThat(redacted.get("body").isTextual()).isTrue();
        assertThat(redacted.get("body").asText())
                .isEqualTo(
                        "{\"card\":{\"number\":\"***\",\"brand\":\"visa\"},\"items\":[{\"sku\":\"a\",\"pin\":\"***\"}]}");
        assertThat(redacted.get("httpMethod").asText()).isEqualTo("POST");
    }

    @Test
    void redact_pathIntoSqsRecordBodies_eachRecordsBodyRedacted() throws IOException {
        JsonNode redacted = redact(
                "Records.*.body.password",
                "{\"Records\":["
                        + "{\"body\":\"{\\\"user\\\":\\\"u1\\\",\\\"password\\\":\\\"hunter2\\\"}\"},"
                        + "{\"body\":\"plain text, not JSON\"},"
                        + "{\"body\":\"{broken json\"}]}");

        assertThat(redacted.at("/Records/0/body").asText()).isEqualTo("{\"user\":\"u1\",\"password\":\"***\"}");
        assertThat(redacted.at("/Records/1/body").asText()).isEqualTo("plain text, not JSON");
        assertThat(redacted.at("/Records/2/body").asText()).isEqualTo("{broken json");
    }

    @Test
    void redact_wholeBodyPath_stillMasksTheWholeString() throws IOException {
        JsonNode redacted = redact("body", "{\"body\":\"{\\\"a\\\":1}\"}");
        assertThat(redacted.get("body").asText()).isEqualTo("***");
    }

    @Test
    void redact_otherValues_copiedUnchanged() throws IOException {
        String event = "{\"a\":1.5,\"b\":[true,false,null],\"c\":{\"d\":\"text\"},\"e\":12345678901234567890}";
        assertThat(redact(null, event)).isEqualTo(StdoutCapture.JSON.readTree(event));
    }

    @Test
    void redact_malformedJson_ioException() {
        assertThatThrownBy(() -> redact(null, "{\"a\":")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> redact(null, "{} trailing")).isInstanceOf(IOException.class);
    }

    @Test
    void withPaths_emptySegment_rejectedNamingThePath() {
        assertThatThrownBy(() -> EventRedactor.withPaths("a..b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a..b'");
    }
}
