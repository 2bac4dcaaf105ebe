package dev.bricks.dynamo.schema;

import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stores an {@link Instant} as a number of epoch seconds (the format DynamoDB TTL needs). Thread-safe. */
public final class EpochSecondsConverter implements AttributeConverter<Instant> {
    /** The shared instance. */
    public static final EpochSecondsConverter INSTANCE = new EpochSecondsConverter();

    private EpochSecondsConverter() {}

    @Override
    public AttributeValue transformFrom(Instant input) {
        return AttributeValue.fromN(Long.toString(input.getEpochSecond()));
    }

    @Override
    public Instant transformTo(AttributeValue input) {
        return input.n() == null ? null : Instant.ofEpochSecond(Long.parseLong(input.n()));
    }

    @Override
    public EnhancedType<Instant> type() {
        return EnhancedType.of(Instant.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
        return AttributeValueType.N;
    }
}
