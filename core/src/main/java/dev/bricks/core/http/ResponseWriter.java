package dev.bricks.core.http;

import dev.bricks.core.internal.JsonArray;
import dev.bricks.core.internal.JsonObject;
import dev.bricks.core.internal.JsonSupport;
import dev.bricks.core.json.JsonException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Writes an {@link HttpResponse} as API Gateway's proxy response JSON for the request's payload version. */
final class ResponseWriter {

    static final String PROBLEM_JSON = "application/problem+json";

    private ResponseWriter() {}

    static HttpResponse problem(Problem problem) {
        return HttpResponse.status(problem.status())
                .header("Content-Type", PROBLEM_JSON)
                .json(problem.members())
                .build();
    }

    static byte[] write(HttpResponse response, PayloadVersion version) {
        JsonObject root = JsonSupport.objectNode();
        root.put("statusCode", response.statusCode());
        if (version == PayloadVersion.V2) {
            writeV2Headers(root, response);
        } else {
            writeV1Headers(root, response);
        }
        writeBody(root, response);
        return JsonSupport.write(root);
    }

    /** 2.0: one {@code headers} map (values joined with ", ") and a {@code cookies} array. */
    private static void writeV2Headers(JsonObject root, HttpResponse response) {
        JsonObject headers = root.putObject("headers");
        for (Map.Entry<String, List<String>> e : response.headers().entrySet()) {
            headers.put(e.getKey(), String.join(", ", e.getValue()));
        }
        if (!response.cookies().isEmpty()) {
            JsonArray cookies = root.putArray("cookies");
            for (String cookie : response.cookies()) {
                cookies.add(cookie);
            }
        }
    }

    /**
     * 1.0: single values in {@code headers}; repeated ones, and cookies as {@code Set-Cookie}, in
     * {@code multiValueHeaders}.
     */
    private static void writeV1Headers(JsonObject root, HttpResponse response) {
        JsonObject headers = root.putObject("headers");
        JsonObject multi = root.putObject("multiValueHeaders");
        for (Map.Entry<String, List<String>> e : response.headers().entrySet()) {
            if (e.getValue().size() == 1) {
                headers.put(e.getKey(), e.getValue().get(0));
            } else {
                JsonArray values = multi.putArray(e.getKey());
                for (String value : e.getValue()) {
                    values.add(value);
                }
            }
        }
        if (!response.cookies().isEmpty()) {
            JsonArray values = multi.putArray("Set-Cookie");
            for (String cookie : response.cookies()) {
                values.add(cookie);
            }
        }
    }

    /**
     * {@code body} and {@code isBase64Encoded}.
     *
     * @throws JsonException of kind {@code WRITE} when a JSON body cannot be written
     */
    private static void writeBody(JsonObject root, HttpResponse response) {
        Object body = response.bodyUnsafe();
        switch (response.bodyKind()) {
            case JSON -> {
                root.put("body", JsonSupport.writeString(body));
                root.put("isBase64Encoded", false);
            }
            case TEXT -> {
                root.put("body", (String) body);
                root.put("isBase64Encoded", false);
            }
            case BINARY -> {
                root.put("body", Base64.getEncoder().encodeToString((byte[]) body));
                root.put("isBase64Encoded", true);
            }
            case NONE -> {
                root.put("body", "");
                root.put("isBase64Encoded", false);
            }
        }
    }
}
