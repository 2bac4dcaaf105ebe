package dev.bricks.dynamo;

/** An item or request was refused before anything was sent to DynamoDB. */
public class ValidationException extends SingleTableException {
  ValidationException(String message) {
    super(message);
  }
}
