package dev.bricks.local.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls a local service's AWS JSON protocol ({@code X-Amz-Target}) over loopback: how the app creates the
 * template's tables and rules through the services' own APIs, as CloudFormation would.
 */
final class AwsJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String contentType;
    private final String targetPrefix;

    private AwsJson(URI endpoint, String contentType, String targetPrefix) {
        this.endpoint = endpoint;
        this.contentType = contentType;
        this.targetPrefix = targetPrefix;
    }

    static AwsJson dynamoDb(URI endpoint) {
        return new AwsJson(endpoint, "application/x-amz-json-1.0", "DynamoDB_20120810.");
    }

    static AwsJson eventBridge(URI endpoint) {
        return new AwsJson(endpoint, "application/x-amz-json-1.1", "AWSEvents.");
    }

    /**
     * Calls {@code operation}; an error answer is an {@link AwsError} with the service's {@code __type}.
     */
    JsonNode call(String operation, Object request) {
        try {
            HttpRequest req = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType)
                    .header("X-Amz-Target", targetPrefix + operation)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
                    .build();
            HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = res.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(res.body());
            if (res.statusCode() >= 300) {
                String type = body.path("__type").asText("");
                String message = body.has("message") ? body.path("message").asText() : body.path("Message").asText();
                throw new AwsError(type.substring(type.indexOf('#') + 1), message);
            }
            return body;
        } catch (IOException e) {
            throw new AwsError("ConnectionError", operation + " on " + endpoint + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsError("Interrupted", operation + " interrupted");
        }
    }

    /** An error answer of a local service. */
    static final class AwsError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String type;

        AwsError(String type, String message) {
            super(type + ": " + message);
            this.type = type;
        }

        String type() {
            return type;
        }
    }
}
