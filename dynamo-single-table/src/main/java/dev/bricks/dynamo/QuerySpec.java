package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.IndexKey;
import dev.bricks.dynamo.schema.KeyTemplate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The mutable state of one query (entity or collection) and its paging logic. Not thread-safe. */
final class QuerySpec {
    final DynamoTable table;
    final IndexKey key;
    final String pkValue;
    final String source;
    Condition keyCondition;
    Condition filter;
    Condition typeFilter;
    final Set<String> projection = new LinkedHashSet<>();
    boolean descending;
    int limit;
    Integer pageSize;
    boolean consistentRead;
    String cursor;

    QuerySpec(DynamoTable table, IndexKey key, String pkValue, String source) {
        this.table = table;
        this.key = key;
        this.pkValue = pkValue;
        this.source = source;
    }

    /** The whole query a cursor is bound to: everything of the first request but its start key and page size. */
    String binding() {
        return CursorCodec.binding(table.name(), source, request(null));
    }

    List<String> cursorAttributes() {
        List<String> attrs = new ArrayList<>();
        if (!key.isTable()) {
            attrs.add(key.pkAttribute());
            if (key.skAttribute() != null) {
                attrs.add(key.skAttribute());
            }
        }
        attrs.add(table.definition().pkAttribute());
        if (table.definition().skAttribute() != null) {
            attrs.add(table.definition().skAttribute());
        }
        return attrs;
    }

    QueryRequest request(Map<String, AttributeValue> startKey) {
        ExpressionContext ctx = new ExpressionContext();
        String kc = ctx.name(key.pkAttribute()) + " = " + ctx.value(AttributeValue.fromS(pkValue));
        if (keyCondition != null) {
            kc += " AND " + keyCondition.render(ctx);
        }
        Condition f = WritePlanner.and(typeFilter, filter);
        String fe = f == null ? null : f.render(ctx);
        String pe = null;
        if (!projection.isEmpty()) {
            Set<String> all = new LinkedHashSet<>(projection);
            all.addAll(cursorAttributes());
            List<String> ph = new ArrayList<>();
            for (String a : all) {
                ph.add(ctx.name(a));
            }
            pe = String.join(", ", ph);
        }
        return QueryRequest.builder()
                .tableName(table.name())
                .indexName(key.indexName())
                .keyConditionExpression(kc)
                .filterExpression(fe)
                .projectionExpression(pe)
                .expressionAttributeNames(ctx.namesOrNull())
                .expressionAttributeValues(ctx.valuesOrNull())
                .scanIndexForward(!descending)
                .limit(pageSize)
                .consistentRead(consistentRead ? Boolean.TRUE : null)
                .exclusiveStartKey(startKey)
                .build();
    }

    Map<String, AttributeValue> startKey() {
        return cursor == null
                ? null
                : table.cursors().decode(binding(), cursor, table.clock().instant(), table.cursorTtl());
    }

    /** A page of raw items and the cursor to the next one (null at the end). */
    record RawPage(List<Map<String, AttributeValue>> items, String cursor) {}

    RawPage page() {
        Map<String, AttributeValue> start = startKey();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        while (true) {
            QueryResponse r = table.client().query(request(start));
            List<Map<String, AttributeValue>> got = r.hasItems() ? r.items() : List.of();
            Map<String, AttributeValue> lek =
                    r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            for (int i = 0; i < got.size(); i++) {
                items.add(got.get(i));
                if (limit > 0 && items.size() == limit) {
                    boolean more = i < got.size() - 1 || lek != null;
                    return new RawPage(items, more ? encodeCursor(keyOf(got.get(i))) : null);
                }
            }
            if (lek == null) {
                return new RawPage(items, null);
            }
            if (limit <= 0) {
                return new RawPage(items, encodeCursor(lek));
            }
            start = lek;
        }
    }

    private String encodeCursor(Map<String, AttributeValue> k) {
        return table.cursors().encode(binding(), table.clock().instant(), k);
    }

    private Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> k = new LinkedHashMap<>();
        for (String a : cursorAttributes()) {
            AttributeValue v = item.get(a);
            if (v != null) {
                k.put(a, v);
            }
        }
        return k;
    }

    /** Lazily iterates every matching item over all pages (at most {@code limit} items when set). */
    Iterator<Map<String, AttributeValue>> iterator() {
        return new Iterator<>() {
            private Map<String, AttributeValue> start = startKey();
            private Iterator<Map<String, AttributeValue>> current =
                    List.<Map<String, AttributeValue>>of().iterator();
            private boolean last;
            private int returned;

            @Override
            public boolean hasNext() {
                if (limit > 0 && returned >= limit) {
                    return false;
                }
                while (!current.hasNext() && !last) {
                    QueryResponse r = table.client().query(request(start));
                    current = (r.hasItems() ? r.items() : List.<Map<String, AttributeValue>>of()).iterator();
                    last = !r.hasLastEvaluatedKey() || r.lastEvaluatedKey().isEmpty();
                    start = last ? null : r.lastEvaluatedKey();
                }
                return current.hasNext();
            }

            @Override
            public Map<String, AttributeValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                returned++;
                return current.next();
            }
        };
    }

    /** The value of a {@code begins_with} prefix, refused unless it ends at a literal boundary of its template. */
    static String prefix(String value, SortKey<?> k) {
        if (!k.endsAtLiteral()) {
            throw new IllegalArgumentException(
                    "beginsWith needs a prefix that ends at a literal of the sort key template, "
                            + "but '" + value + "' is a whole " + k.schema().type()
                            + " sort key ending with a component value, which "
                            + "would also match longer values; use eq(...) for this key or give fewer components");
        }
        return value;
    }

    /** Sort-key condition on already rendered values. */
    void sortKeyRendered(String op, String value, String highValue) {
        if (key.skAttribute() == null) {
            throw new IllegalStateException("The " + key.label() + " key has no sort key");
        }
        if (keyCondition != null) {
            throw new IllegalStateException("A sort-key condition is already set on this query");
        }
        AttributeValue v = AttributeValue.fromS(value);
        String sk = key.skAttribute();
        switch (op) {
            case "begins_with" -> keyCondition = ctx -> "begins_with(" + ctx.name(sk) + ", " + ctx.value(v) + ")";
            case "between" -> {
                AttributeValue h = AttributeValue.fromS(highValue);
                keyCondition = ctx -> ctx.name(sk) + " BETWEEN " + ctx.value(v) + " AND " + ctx.value(h);
            }
            default -> keyCondition = ctx -> ctx.name(sk) + " " + op + " " + ctx.value(v);
        }
    }

    /** Default: restrict to the sort key's literal prefix (e.g. {@code ORDER#}) when it has one. */
    void defaultSortKey(KeyTemplate t) {
        if (keyCondition == null
                && t != null
                && key.skAttribute() != null
                && !t.literalPrefix().isEmpty()) {
            AttributeValue v = AttributeValue.fromS(t.literalPrefix());
            String sk = key.skAttribute();
            keyCondition = ctx -> "begins_with(" + ctx.name(sk) + ", " + ctx.value(v) + ")";
        }
    }

    void limit(int items) {
        if (items <= 0) {
            throw new IllegalArgumentException("Query limit must be positive, got " + items);
        }
        this.limit = items;
    }

    void pageSize(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("Query page size must be positive, got " + n);
        }
        this.pageSize = n;
    }

    static <E> Iterator<E> mapped(
            Iterator<Map<String, AttributeValue>> it, Function<Map<String, AttributeValue>, E> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public E next() {
                return f.apply(it.next());
            }
        };
    }
}
