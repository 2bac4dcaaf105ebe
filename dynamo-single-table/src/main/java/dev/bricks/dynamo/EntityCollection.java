package dev.bricks.dynamo;

import dev.bricks.dynamo.schema.EntitySchema;
import dev.bricks.dynamo.schema.IndexKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Several entity types living under one partition (a user's profile and orders), read with one query and
 * each item decoded to its own type. Made by {@link DynamoTable#collection}. Thread-safe.
 */
public final class EntityCollection {
    private final DynamoTable table;
    private final String name;
    private final String indexName;
    private final Map<String, EntitySchema<?>> members = new LinkedHashMap<>();
    private final String typeAttribute;

    EntityCollection(DynamoTable table, String name, String indexName, List<EntitySchema<?>> schemas) {
        if (schemas.size() < 1) {
            throw new IllegalArgumentException("Collection " + name + " has no members");
        }
        this.table = table;
        this.name = name;
        this.indexName = indexName;
        EntitySchema<?> first = schemas.get(0);
        this.typeAttribute = first.typeAttribute();
        String template = keyOf(first).pkTemplate().template();
        for (EntitySchema<?> s : schemas) {
            if (!keyOf(s).pkTemplate().template().equals(template)) {
                throw new IllegalArgumentException("Collection " + name + ": " + s.type() + " partition key '"
                        + keyOf(s).pkTemplate() + "' differs from " + first.type() + " '" + template + "'");
            }
            if (!s.typeAttribute().equals(typeAttribute)) {
                throw new IllegalArgumentException(
                        "Collection " + name + ": members use different entity type attributes");
            }
            members.put(s.type(), s);
        }
    }

    private IndexKey keyOf(EntitySchema<?> s) {
        return indexName == null ? s.primaryKey() : s.index(indexName);
    }

    /** Starts a query of the collection on the partition given by any member's generated partition method. */
    public Query query(Partition<?> partition) {
        if (!members.containsKey(partition.schema().type())) {
            throw new IllegalArgumentException("Collection " + name + " has no member "
                    + partition.schema().type());
        }
        if (!Objects.equals(partition.key().indexName(), indexName)) {
            throw new IllegalArgumentException(
                    "Collection " + name + " is on " + (indexName == null ? "the table" : indexName)
                            + ", the partition is on " + partition.key().label());
        }
        return new Query(partition);
    }

    /** One page of a collection: items of several types in key order. */
    public record CollectionPage(List<Object> items, String cursor) {
        public CollectionPage {
            items = List.copyOf(items);
        }

        /** The items of one type, in order. */
        public <E> List<E> itemsOf(Class<E> type) {
            List<E> out = new ArrayList<>();
            for (Object o : items) {
                if (type.isInstance(o)) {
                    out.add(type.cast(o));
                }
            }
            return out;
        }
    }

    /** A collection query; not thread-safe, use once. */
    public final class Query {
        private final QuerySpec spec;

        private Query(Partition<?> p) {
            spec = new QuerySpec(table, p.key(), p.pkValue(), "collection=" + name);
            List<AttributeValue> types = new ArrayList<>();
            members.keySet().forEach(t -> types.add(AttributeValue.fromS(t)));
            spec.typeFilter = ctx -> {
                StringBuilder sb = new StringBuilder(ctx.name(typeAttribute)).append(" IN (");
                for (int i = 0; i < types.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(ctx.value(types.get(i)));
                }
                return sb.append(')').toString();
            };
        }

        /**
         * Sort key condition from any member's generated sort-key builder on the collection's index, e.g.
         * {@code beginsWith(OrderSchema.sk("2024"))}; the rendered prefix ends at a literal boundary.
         *
         * @throws IllegalArgumentException if the prefix is a whole sort key whose template ends with a component;
         *     use {@link #eq} instead
         */
        public Query beginsWith(SortKey<?> prefix) {
            spec.sortKeyRendered("begins_with", QuerySpec.prefix(onThisIndex(prefix), prefix), null);
            return this;
        }

        /** Sort key equals a member sort key (e.g. {@code eq(OrderSchema.sk(orderId))}). */
        public Query eq(SortKey<?> key) {
            spec.sortKeyRendered("=", onThisIndex(key), null);
            return this;
        }

        /** Sort key between two member sort keys, inclusive. */
        public Query between(SortKey<?> low, SortKey<?> high) {
            spec.sortKeyRendered("between", onThisIndex(low), onThisIndex(high));
            return this;
        }

        /** Sort key greater than a member sort key. */
        public Query gt(SortKey<?> key) {
            spec.sortKeyRendered(">", onThisIndex(key), null);
            return this;
        }

        /** Sort key greater than or equal to a member sort key. */
        public Query gte(SortKey<?> key) {
            spec.sortKeyRendered(">=", onThisIndex(key), null);
            return this;
        }

        /** Sort key less than or equal to a member sort key. */
        public Query lte(SortKey<?> key) {
            spec.sortKeyRendered("<=", onThisIndex(key), null);
            return this;
        }

        /** Sort key less than a member sort key. */
        public Query lt(SortKey<?> key) {
            spec.sortKeyRendered("<", onThisIndex(key), null);
            return this;
        }

        private String onThisIndex(SortKey<?> k) {
            if (!members.containsKey(k.schema().type()) || !Objects.equals(k.indexName(), indexName)) {
                throw new IllegalArgumentException("Sort key of " + k.schema().type() + " "
                        + (k.indexName() == null ? "table" : k.indexName()) + " used in collection " + name);
            }
            return k.value();
        }

        /** A filter applied by DynamoDB after the key condition (ANDed with earlier filters). */
        public Query filter(Condition condition) {
            spec.filter = WritePlanner.and(spec.filter, condition);
            return this;
        }

        /** Newest first. */
        public Query descending() {
            spec.descending = true;
            return this;
        }

        /** Maximum items returned. */
        public Query limit(int items) {
            spec.limit(items);
            return this;
        }

        /** DynamoDB's evaluated Limit per request. */
        public Query pageSize(int n) {
            spec.pageSize(n);
            return this;
        }

        /** Continues after a cursor of the same collection query. */
        public Query after(String cursor) {
            spec.cursor = cursor;
            return this;
        }

        /** Runs the query. */
        public CollectionPage execute() {
            QuerySpec.RawPage raw = spec.page();
            List<Object> items = new ArrayList<>();
            for (Map<String, AttributeValue> i : raw.items()) {
                items.add(decode(i));
            }
            return new CollectionPage(items, raw.cursor());
        }

        /** Every item of the partition over all pages, fetched lazily, each decoded to its own type. */
        public Stream<Object> stream() {
            return StreamSupport.stream(
                    Spliterators.spliteratorUnknownSize(
                            QuerySpec.mapped(spec.iterator(), EntityCollection.this::decode),
                            Spliterator.ORDERED | Spliterator.NONNULL),
                    false);
        }

        /** The first request {@link #execute()} would send (dry run). */
        public QueryRequest dryRun() {
            return spec.request(spec.startKey());
        }
    }

    private Object decode(Map<String, AttributeValue> item) {
        return EntityTypes.decode(item, typeAttribute, members);
    }
}
