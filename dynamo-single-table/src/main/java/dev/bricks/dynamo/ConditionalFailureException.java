package dev.bricks.dynamo;

/** A write's condition was not met (the item exists / does not exist / a condition is false). */
public class ConditionalFailureException extends SingleTableException {
  private final String entityType;
  private final String key;

  ConditionalFailureException(String entityType, String key, String message, Throwable cause) {
    super(message, cause);
    this.entityType = entityType;
    this.key = key;
  }

  /** The entity type of the item concerned. */
  public String entityType() {
    return entityType;
  }

  /** The item key, rendered as {@code PK=..., SK=...}. */
  public String key() {
    return key;
  }
}
