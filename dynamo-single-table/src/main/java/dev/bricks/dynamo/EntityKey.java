package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.EntitySchema;
import dev.bricks.dynamo.schema.IndexKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The primary key of one entity: its component values and the composed key attributes. Made by generated
 * {@code <Entity>Schema.key(...)} methods.
 *
 * @param schema the entity schema; never null
 * @param components primary key component values by component name; never null
 * @param key composed key attributes (e.g. {@code PK}, {@code SK}); never null
 */
public record EntityKey<T>(EntitySchema<T> schema, Map<String, Object> components, Map<String, AttributeValue> key) {
    public EntityKey {
        Objects.requireNonNull(schema, "schema");
        components = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(components, "components")));
        key = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(key, "key")));
    }

    /** {@code PK=USER#1, SK=ORDER#9}, for messages. */
    public String describe() {
        return describe(key);
    }

    /** The primary key part of an item, rendered for messages. */
    static String describeKeyOf(Map<String, AttributeValue> item, IndexKey primary) {
        Map<String, AttributeValue> k = new LinkedHashMap<>();
        if (item.get(primary.pkAttribute()) != null) {
            k.put(primary.pkAttribute(), item.get(primary.pkAttribute()));
        }
        if (primary.skAttribute() != null && item.get(primary.skAttribute()) != null) {
            k.put(primary.skAttribute(), item.get(primary.skAttribute()));
        }
        return describe(k);
    }

    static String describe(Map<String, AttributeValue> key) {
        StringBuilder sb = new StringBuilder();
        key.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(k)
                .append('=')
                .append(v.s() != null ? v.s() : v.n() != null ? v.n() : String.valueOf(v)));
        return sb.toString();
    }

    @Override
    public String toString() {
        return schema.type() + "[" + describe() + "]";
    }
}
