package dev.bricks.dynamo;

import java.util.List;

/** A key (table or index) could not be composed because template components have no value. */
public final class KeyTemplateMissingValueException extends ValidationException {
  private final List<String> missingComponents;

  KeyTemplateMissingValueException(String owner, String template, List<String> missing) {
    super("Key template '" + template + "' of " + owner + " is missing a value for " + missing);
    this.missingComponents = List.copyOf(missing);
  }

  KeyTemplateMissingValueException(String message, List<String> missing) {
    super(message);
    this.missingComponents = List.copyOf(missing);
  }

  /** The components without a value; never empty. */
  public List<String> missingComponents() {
    return missingComponents;
  }
}
