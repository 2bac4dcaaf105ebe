package dev.bricks.dynamo;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB condition (or filter) expression, built from generated attribute constants
 * ({@code OrderSchema.STATUS.eq(PAID).and(OrderSchema.TOTAL.gt(10))}) or given raw. Immutable and
 * thread-safe; rendering allocates placeholders in an {@link ExpressionContext}.
 */
@FunctionalInterface
public interface Condition {

    /** Renders this condition, allocating placeholders in {@code context}. */
    String render(ExpressionContext context);

    /** Both conditions. */
    default Condition and(Condition other) {
        return ctx -> "(" + render(ctx) + " AND " + other.render(ctx) + ")";
    }

    /** Either condition. */
    default Condition or(Condition other) {
        return ctx -> "(" + render(ctx) + " OR " + other.render(ctx) + ")";
    }

    /** The negation of a condition. */
    static Condition not(Condition condition) {
        return ctx -> "(NOT " + condition.render(ctx) + ")";
    }

    /**
     * A raw expression with its own placeholders, for what the typed builder cannot say.
     *
     * @param expression e.g. {@code "size(#t) > :n"}; never null
     * @param names placeholder → attribute name; never null (may be empty)
     * @param values placeholder → value; never null (may be empty)
     */
    static Condition raw(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("Raw condition expression is blank");
        }
        Map<String, String> n = Map.copyOf(names);
        Map<String, AttributeValue> v = Map.copyOf(values);
        return ctx -> {
            ctx.addRaw(n, v);
            return "(" + expression + ")";
        };
    }

    /** {@code attribute_exists(name)}. */
    static Condition exists(String attributeName) {
        return ctx -> "attribute_exists(" + ctx.name(attributeName) + ")";
    }

    /** {@code attribute_not_exists(name)}. */
    static Condition notExists(String attributeName) {
        return ctx -> "attribute_not_exists(" + ctx.name(attributeName) + ")";
    }
}
