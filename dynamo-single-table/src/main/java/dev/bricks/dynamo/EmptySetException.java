package dev.bricks.dynamo;

/** DynamoDB cannot store an empty set; the attribute must be null (absent) or non-empty. */
public final class EmptySetException extends InvalidRequestException {
    EmptySetException(String entityType, String key, String attribute) {
        super(
                Reason.EMPTY_SET,
                "Attribute '" + attribute + "' of entity " + entityType + " " + key
                        + " is an empty set; DynamoDB cannot store empty sets, use null to leave it absent");
    }
}
