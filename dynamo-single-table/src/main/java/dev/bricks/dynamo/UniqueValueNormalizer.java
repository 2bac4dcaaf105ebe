package dev.bricks.dynamo;

/**
 * Maps a {@code @Unique} value to the form its constraint item is keyed by, e.g. lower-cased e-mail addresses so
 * that {@code Ann@Example.com} and {@code ann@example.com} count as the same value. The entity itself stores the
 * value as given. Set once per table with {@link DynamoTable.Builder#uniqueValueNormalizer}; must be a pure
 * function (the same value always maps to the same form) and thread-safe. Changing it strands the constraint
 * items written under the old form.
 *
 * <pre>{@code
 * DynamoTable.builder(client, def)
 *     .uniqueValueNormalizer((type, attribute, value) -> attribute.equals("Email") ? value.toLowerCase(Locale.ROOT) : value)
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface UniqueValueNormalizer {
    /** Keeps every value as it is (the default). */
    UniqueValueNormalizer IDENTITY = (entityType, attribute, value) -> value;

    /**
     * The normalised form.
     *
     * @param entityType the entity type, e.g. {@code USER}
     * @param attribute the unique attribute's name, e.g. {@code Email}
     * @param value the value as stored (strings as-is, numbers in DynamoDB's form); never null
     * @return the form to key the constraint item by; never null or empty
     */
    String normalize(String entityType, String attribute, String value);
}
