package dev.bricks.core.sqs;

import dev.bricks.core.InvalidEventException;
import dev.bricks.core.internal.JsonSupport;
import dev.bricks.core.internal.JsonValue;
import dev.bricks.core.json.Json;
import dev.bricks.core.json.JsonException;
import dev.bricks.core.validation.ValidationException;
import dev.bricks.core.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One SQS message of a Lambda batch.
 *
 * @param messageId the message id, the identifier reported on failure; never null
 * @param receiptHandle the receipt handle; may be null
 * @param body the body text; never null
 * @param attributes system attributes ({@code ApproximateReceiveCount}, {@code MessageGroupId}, …); never null
 * @param messageAttributes the sender's message attributes; never null
 * @param md5OfBody MD5 of the body; may be null
 * @param eventSourceArn the queue ARN; may be null
 * @param awsRegion the region; may be null
 */
public record SqsMessage(
        String messageId,
        String receiptHandle,
        String body,
        Map<String, String> attributes,
        Map<String, MessageAttribute> messageAttributes,
        String md5OfBody,
        String eventSourceArn,
        String awsRegion) {

    /** Copies the maps. */
    public SqsMessage {
        Objects.requireNonNull(messageId, "messageId");
        body = body == null ? "" : body;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        messageAttributes = messageAttributes == null ? Map.of() : Map.copyOf(messageAttributes);
    }

    /** A message attribute's string value. */
    public Optional<String> stringAttribute(String name) {
        MessageAttribute attribute = messageAttributes.get(name);
        return attribute == null ? Optional.empty() : Optional.ofNullable(attribute.stringValue());
    }

    /** The FIFO message group id, empty for standard queues. */
    public Optional<String> messageGroupId() {
        return Optional.ofNullable(attributes.get("MessageGroupId"));
    }

    /** How many times the message has been received (1 on first delivery); 0 when absent. */
    public int approximateReceiveCount() {
        String count = attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 0 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The body read strictly as JSON into the type (see {@link Json}) and validated.
     *
     * @throws InvalidEventException naming the message id and the problem: every wrong or invalid field
     */
    public <T> T bodyAs(Class<T> type) {
        JsonValue tree;
        try {
            tree = JsonSupport.tree(body.getBytes(StandardCharsets.UTF_8));
        } catch (JsonException e) {
            throw new InvalidEventException("SQS message " + messageId + ": body is not JSON: " + e.getMessage(), e);
        }
        try {
            return JsonSupport.bindValid(tree, type, Validator.of(type));
        } catch (ValidationException e) {
            throw new InvalidEventException(
                    "SQS message " + messageId + ": body is not a valid " + type.getSimpleName() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * One SQS message attribute.
     *
     * @param dataType {@code String}, {@code Number}, {@code Binary} or a custom type such as
     *     {@code String.json}; never null
     * @param stringValue the value for String and Number types; else null
     * @param binaryValue the decoded value for Binary types; else null
     */
    public record MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {

        /** Copies the bytes. */
        public MessageAttribute {
            binaryValue = binaryValue == null ? null : binaryValue.clone();
        }

        /** A copy of the binary value, or null. */
        @Override
        public byte[] binaryValue() {
            return binaryValue == null ? null : binaryValue.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MessageAttribute other
                    && dataType.equals(other.dataType)
                    && Objects.equals(stringValue, other.stringValue)
                    && Arrays.equals(binaryValue, other.binaryValue);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dataType, stringValue) * 31 + Arrays.hashCode(binaryValue);
        }

        @Override
        public String toString() {
            return "MessageAttribute[" + dataType + "="
                    + (stringValue != null ? stringValue : binaryValue == null ? "null" : binaryValue.length + " bytes")
                    + "]";
        }
    }
}
