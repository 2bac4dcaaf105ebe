package dev.bricks.local.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * Calls a local service's AWS JSON protocol ({@code X-Amz-Target}) over loopback: how the app creates the
 * template's tables and rules through the services' own APIs, as CloudFormation would. Plain
 * {@link HttpURLConnection}: the JDK's {@code HttpClient} initialises a TLS context when built, which costs
 * bricks-local's start hundreds of milliseconds for a loopback call.
 */
final class AwsJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

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
            HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
            c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            c.setReadTimeout((int) READ_TIMEOUT.toMillis());
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType);
            c.setRequestProperty("X-Amz-Target", targetPrefix + operation);
            try (OutputStream out = c.getOutputStream()) {
                out.write(JSON.writeValueAsBytes(request));
            }
            int status = c.getResponseCode();
            byte[] bytes;
            try (InputStream in = status >= 300 ? c.getErrorStream() : c.getInputStream()) {
                bytes = in == null ? new byte[0] : in.readAllBytes();
            }
            JsonNode body = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            if (status >= 300) {
                String type = body.path("__type").asText("");
                String message = body.has("message")
                        ? body.path("message").asText()
                        : body.path("Message").asText();
                throw new AwsError(type.substring(type.indexOf('#') + 1), message);
            }
            return body;
        } catch (IOException e) {
            throw new AwsError("ConnectionError", operation + " on " + endpoint + " failed: " + e.getMessage());
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
