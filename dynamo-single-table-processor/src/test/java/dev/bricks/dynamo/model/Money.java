package dev.bricks.dynamo.model;

/** An amount in minor units of a currency: a value object stored with {@link MoneyConverter}. */
public record Money(long minorUnits, String currency) {}
