package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.ItemCodec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A typed attribute of an entity, generated as a constant on {@code <Entity>Schema}
 * (e.g. {@code OrderSchema.STATUS}); the source of typed conditions and updates. Values are converted
 * with the attribute's own conversion from the generated codec. Immutable and thread-safe.
 *
 * @param <T> entity type
 * @param <V> attribute value type
 */
public final class Attr<T, V> {
    private final String component;
    private final String name;
    private final ItemCodec<T> codec;

    private Attr(String component, String name, ItemCodec<T> codec) {
        this.component = component;
        this.name = name;
        this.codec = codec;
    }

    /** Creates the constant for a component of a generated codec (used by generated code). */
    public static <T, V> Attr<T, V> of(ItemCodec<T> codec, String component, String attributeName) {
        return new Attr<>(component, attributeName, codec);
    }

    /** The record component name. */
    public String component() {
        return component;
    }

    /** The attribute name in the item. */
    public String name() {
        return name;
    }

    /** Converts a value with this attribute's converter; null becomes a NULL attribute value. */
    public AttributeValue toAttributeValue(V value) {
        return codec.attributeValue(component, value);
    }

    private Condition compare(String op, V value) {
        AttributeValue av = toAttributeValue(value);
        return ctx -> ctx.name(name) + " " + op + " " + ctx.value(av);
    }

    /** {@code attribute = value}. */
    public Condition eq(V value) {
        return compare("=", value);
    }

    /** {@code attribute <> value}. */
    public Condition ne(V value) {
        return compare("<>", value);
    }

    /** {@code attribute < value}. */
    public Condition lt(V value) {
        return compare("<", value);
    }

    /** {@code attribute <= value}. */
    public Condition lte(V value) {
        return compare("<=", value);
    }

    /** {@code attribute > value}. */
    public Condition gt(V value) {
        return compare(">", value);
    }

    /** {@code attribute >= value}. */
    public Condition gte(V value) {
        return compare(">=", value);
    }

    /** {@code attribute BETWEEN low AND high} (inclusive). */
    public Condition between(V low, V high) {
        AttributeValue l = toAttributeValue(low);
        AttributeValue h = toAttributeValue(high);
        return ctx -> ctx.name(name) + " BETWEEN " + ctx.value(l) + " AND " + ctx.value(h);
    }

    /** {@code begins_with(attribute, prefix)} for string attributes. */
    public Condition beginsWith(String prefix) {
        AttributeValue p = AttributeValue.fromS(prefix);
        return ctx -> "begins_with(" + ctx.name(name) + ", " + ctx.value(p) + ")";
    }

    /** {@code contains(attribute, element)}: substring of a string, element of a set or list. */
    public Condition contains(Object element) {
        AttributeValue e = Values.of(element);
        return ctx -> "contains(" + ctx.name(name) + ", " + ctx.value(e) + ")";
    }

    /** {@code attribute IN (v1, v2, ...)}; at least one value. */
    @SafeVarargs
    public final Condition in(V... values) {
        if (values.length == 0 || values.length > 100) {
            throw new IllegalArgumentException("IN on '" + name + "' needs 1..100 values, got " + values.length);
        }
        List<AttributeValue> avs = new ArrayList<>();
        for (V v : values) {
            avs.add(toAttributeValue(v));
        }
        return ctx -> {
            StringBuilder sb = new StringBuilder(ctx.name(name)).append(" IN (");
            for (int i = 0; i < avs.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(ctx.value(avs.get(i)));
            }
            return sb.append(')').toString();
        };
    }

    /** {@code attribute_exists(attribute)}. */
    public Condition exists() {
        return Condition.exists(name);
    }

    /** {@code attribute_not_exists(attribute)}. */
    public Condition notExists() {
        return Condition.notExists(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
