package dev.bricks.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Which trigger an invocation's event comes from, told by its shape, and the correlation rules of each (core's). */
enum EventShape {
    /** An API Gateway proxy event (payload 1.0 or 2.0). */
    HTTP,
    /** A Lambda authorizer event (TOKEN or REQUEST). */
    AUTHORIZER,
    /** A DynamoDB stream batch. */
    STREAM,
    /** S3 notification records. */
    S3,
    /** An EventBridge event. */
    EVENTBRIDGE,
    /** Anything else (a direct invoke). */
    OTHER;

    static EventShape of(JsonNode event) {
        if (event == null || !event.isObject()) {
            return OTHER;
        }
        if (event.has("methodArn")
                || event.has("routeArn")
                || event.path("type").asText().equals("TOKEN")) {
            return AUTHORIZER;
        }
        if (event.has("requestContext") && (event.has("routeKey") || event.has("httpMethod"))) {
            return HTTP;
        }
        if (event.has("detail-type") && event.has("source")) {
            return EVENTBRIDGE;
        }
        String source = event.path("Records").path(0).path("eventSource").asText();
        if (source.equals("aws:dynamodb")) {
            return STREAM;
        }
        if (source.equals("aws:s3")) {
            return S3;
        }
        return OTHER;
    }

    /** Core's rule for HTTP: header {@code x-correlation-id} (any case), else {@code requestContext.requestId}. */
    static String httpCorrelation(JsonNode event) {
        String header = header(event.path("headers"), "x-correlation-id");
        if (header != null) {
            return header;
        }
        String requestId = event.path("requestContext").path("requestId").asText("");
        return requestId.isEmpty() ? null : requestId;
    }

    /** Core's rule for EventBridge: detail {@code _correlation_id}, else the event {@code id}. */
    static String eventCorrelation(JsonNode event) {
        String c = event.path("detail").path("_correlation_id").asText("");
        return c.isEmpty() ? event.path("id").asText(null) : c;
    }

    /** Core's rule for a stream record: {@code _correlation_id} of NewImage, else OldImage, else {@code eventID}. */
    static String streamRecordCorrelation(JsonNode record) {
        for (String image : new String[] {"NewImage", "OldImage"}) {
            String c = record.path("dynamodb")
                    .path(image)
                    .path("_correlation_id")
                    .path("S")
                    .asText("");
            if (!c.isEmpty()) {
                return c;
            }
        }
        return record.path("eventID").asText(null);
    }

    /** The first value of a header, any case; null when absent. */
    static String header(JsonNode headers, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                JsonNode v = e.getValue();
                String text = v.isArray() ? v.path(0).asText("") : v.asText("");
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }
}
