package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.KeyTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A query on one partition of the table or a GSI, decoding items to {@code T}. Reads as access pattern →
 * sort-key condition → filter → one final call:
 *
 * <pre>{@code
 * Page<Order> page = orders.query(OrderSchema.gsi1(OrderStatus.PAID))
 *     .beginsWith(OrderSchema.gsi1Sk(createdAt))
 *     .limit(20)
 *     .execute();
 * }</pre>
 *
 * Sort-key conditions take a {@link SortKey} made by the generated typed builders ({@code OrderSchema.sk(orderId)},
 * {@code OrderSchema.gsi1Sk(createdAt)}: a leading subset of the template's components, rendered up to the
 * literal that follows the last one, so {@code USER#u1#} never matches {@code USER#u10#}). Without a sort-key
 * condition the query is restricted to the template's literal prefix ({@code begins_with(SK, "ORDER#")}); items
 * of other entity types are always filtered out.
 * {@link #limit(int)} counts items returned (querying on past filtered-out items); {@link #pageSize(int)} is
 * DynamoDB's evaluated {@code Limit}. Not thread-safe; use once.
 */
public final class QueryBuilder<T> {
    private final EntityRepository<T> repo;
    private final QuerySpec spec;
    private final KeyTemplate skTemplate;

    QueryBuilder(EntityRepository<T> repo, Partition<T> partition) {
        this.repo = repo;
        this.spec = new QuerySpec(repo.table, partition.key(), partition.pkValue(), "entity=" + repo.schema.type());
        this.skTemplate = partition.key().skTemplate();
        String ta = repo.schema.typeAttribute();
        AttributeValue type = AttributeValue.fromS(repo.schema.type());
        spec.typeFilter = ctx -> ctx.name(ta) + " = " + ctx.value(type);
    }

    private String typed(SortKey<T> k) {
        if (!Objects.equals(k.indexName(), spec.key.indexName()) || k.schema() != repo.schema) {
            throw new IllegalArgumentException("Sort key of " + k.schema().type() + " "
                    + (k.indexName() == null ? "table" : k.indexName()) + " used in a query of " + repo.schema.type()
                    + " "
                    + spec.key.label());
        }
        return k.value();
    }

    /** Sort key equals a typed value ({@code OrderSchema.sk(orderId)}). */
    public QueryBuilder<T> eq(SortKey<T> key) {
        spec.sortKeyRendered("=", typed(key), null);
        return this;
    }

    /**
     * Sort key begins with a typed prefix ({@code OrderSchema.gsi1Sk(createdAt)}).
     *
     * @throws IllegalArgumentException if the prefix is a whole sort key whose template ends with a component
     *     ({@code ORDER#{orderId}}): {@code ORDER#o1} would also match {@code ORDER#o10}; use {@link #eq} instead
     */
    public QueryBuilder<T> beginsWith(SortKey<T> prefix) {
        spec.sortKeyRendered("begins_with", QuerySpec.prefix(typed(prefix), prefix), null);
        return this;
    }

    /** Sort key between two typed values, inclusive. */
    public QueryBuilder<T> between(SortKey<T> low, SortKey<T> high) {
        spec.sortKeyRendered("between", typed(low), typed(high));
        return this;
    }

    /** Sort key greater than a typed value. */
    public QueryBuilder<T> gt(SortKey<T> key) {
        spec.sortKeyRendered(">", typed(key), null);
        return this;
    }

    /** Sort key greater than or equal to a typed value. */
    public QueryBuilder<T> gte(SortKey<T> key) {
        spec.sortKeyRendered(">=", typed(key), null);
        return this;
    }

    /** Sort key less than a typed value. */
    public QueryBuilder<T> lt(SortKey<T> key) {
        spec.sortKeyRendered("<", typed(key), null);
        return this;
    }

    /** Sort key less than or equal to a typed value. */
    public QueryBuilder<T> lte(SortKey<T> key) {
        spec.sortKeyRendered("<=", typed(key), null);
        return this;
    }

    /** A filter applied by DynamoDB after the key condition (ANDed with earlier filters). */
    public QueryBuilder<T> filter(Condition condition) {
        spec.filter = WritePlanner.and(spec.filter, condition);
        return this;
    }

    /** Reads only these attributes (keys and entity type are always included); others decode as null. */
    @SafeVarargs
    public final QueryBuilder<T> project(Attr<T, ?>... attributes) {
        for (Attr<T, ?> a : attributes) {
            spec.projection.add(a.name());
        }
        spec.projection.add(repo.schema.typeAttribute());
        return this;
    }

    /** Newest/highest sort key first. */
    public QueryBuilder<T> descending() {
        spec.descending = true;
        return this;
    }

    /** Maximum number of entities returned by {@link #execute()} (or streamed); keeps querying past filtered items. */
    public QueryBuilder<T> limit(int items) {
        spec.limit(items);
        return this;
    }

    /** DynamoDB's {@code Limit}: items evaluated per request. */
    public QueryBuilder<T> pageSize(int evaluatedItems) {
        spec.pageSize(evaluatedItems);
        return this;
    }

    /** Strongly consistent reads (table only). */
    public QueryBuilder<T> consistentRead() {
        spec.consistentRead = true;
        return this;
    }

    /**
     * Continues after a cursor from a previous page of the same query.
     *
     * @throws InvalidCursorException (when executing) if the cursor is forged or from another query
     */
    public QueryBuilder<T> after(String cursor) {
        spec.cursor = cursor;
        return this;
    }

    /**
     * Runs the query: up to {@link #limit} entities (querying on as needed), or one DynamoDB page without a
     * limit, and a cursor when more may follow.
     */
    public Page<T> execute() {
        spec.defaultSortKey(skTemplate);
        QuerySpec.RawPage raw = spec.page();
        List<T> items = new ArrayList<>(raw.items().size());
        for (Map<String, AttributeValue> i : raw.items()) {
            items.add(repo.decode(i));
        }
        return new Page<>(items, raw.cursor());
    }

    /** Every matching entity over all pages, fetched lazily page by page. */
    public Stream<T> stream() {
        spec.defaultSortKey(skTemplate);
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        QuerySpec.mapped(spec.iterator(), repo::decode), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** The first QueryRequest {@link #execute()} would send (dry run). */
    public QueryRequest dryRun() {
        spec.defaultSortKey(skTemplate);
        return spec.request(spec.startKey());
    }
}
