package dev.bricks.core.validation;

/**
 * One invalid field.
 *
 * @param field dotted path of the field ({@code items[0].quantity}); never null
 * @param message what is wrong ({@code must not be blank}); never null
 */
public record Violation(String field, String message) {}
