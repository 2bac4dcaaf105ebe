package dev.bricks.local.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;

/**
 * The error of a failed invocation as the function reported it: Lambda's error document
 * {@code {"errorMessage":…,"errorType":…}}, e.g. {@code java.lang.IllegalStateException} rather than the runtime's
 * {@code Runtime.UserException} category.
 *
 * @param errorType the document's {@code errorType}, else the outcome's, else {@code Unknown}; never null
 * @param errorMessage the document's {@code errorMessage}; empty when there is none; never null
 */
public record FunctionError(String errorType, String errorMessage) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Checks the components. */
    public FunctionError {
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(errorMessage, "errorMessage");
    }

    /** Reads the error of a failed outcome (of a successful one: {@code Unknown} and an empty message). */
    public static FunctionError of(InvokeOutcome outcome) {
        String fallback = outcome.errorType() != null
                ? outcome.errorType()
                : outcome.functionError() != null ? outcome.functionError() : "Unknown";
        try {
            JsonNode document = JSON.readTree(outcome.payload());
            if (document != null && document.isObject()) {
                String type = document.path("errorType").asText("");
                return new FunctionError(
                        type.isBlank() ? fallback : type,
                        document.path("errorMessage").asText(""));
            }
        } catch (IOException notJson) {
            // the payload is not an error document: keep the outcome's type
        }
        return new FunctionError(fallback, "");
    }
}
