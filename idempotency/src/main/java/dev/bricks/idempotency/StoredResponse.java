package dev.bricks.idempotency;

import dev.bricks.core.http.HttpResponse;
import dev.bricks.core.json.Json;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response as stored in an idempotency record, to be replayed byte for byte.
 *
 * @param status   the status code
 * @param headers  the headers (Content-Type included); never null
 * @param bodyKind how the body is held
 * @param body     JSON text, plain text, base64 of the bytes, or null for none
 */
record StoredResponse(int status, Map<String, List<String>> headers, HttpResponse.BodyKind bodyKind, String body) {

    static StoredResponse of(HttpResponse response) {
        String body = switch (response.bodyKind()) {
            case JSON -> Json.writeString(response.body());
            case TEXT -> (String) response.body();
            case BINARY -> Base64.getEncoder().encodeToString((byte[]) response.body());
            case NONE -> null;
        };
        return new StoredResponse(response.statusCode(), response.headers(), response.bodyKind(), body);
    }

    /** The response again, with {@code replayedHeader: true}. */
    HttpResponse replay(String replayedHeader) {
        HttpResponse.Builder b = HttpResponse.status(status);
        headers.forEach((name, values) -> values.forEach(v -> b.addHeader(name, v)));
        String contentType = headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .flatMap(e -> e.getValue().stream())
                .findFirst()
                .orElse("application/json");
        switch (bodyKind) {
            case JSON, TEXT -> b.text(body, contentType);
            case BINARY -> b.binary(Base64.getDecoder().decode(body), contentType);
            case NONE -> {}
        }
        return b.header(replayedHeader, "true").build();
    }
}
