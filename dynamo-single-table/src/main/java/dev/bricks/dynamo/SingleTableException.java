package dev.bricks.dynamo;

/** Base of every exception this module throws on purpose; messages name the entity, key and cause. */
public class SingleTableException extends RuntimeException {
  SingleTableException(String message) {
    super(message);
  }

  SingleTableException(String message, Throwable cause) {
    super(message, cause);
  }
}
