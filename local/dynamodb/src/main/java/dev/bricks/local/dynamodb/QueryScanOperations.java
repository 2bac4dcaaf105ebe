package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.AttributeValueJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** Query and Scan, on tables and secondary indexes, with DynamoDB's paging (Limit, 1 MB pages, LastEvaluatedKey). */
final class QueryScanOperations {
    static final int PAGE_BYTES = 1024 * 1024;
    private static final Set<String> SELECTS =
            Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

    private final Engine engine;

    QueryScanOperations(Engine engine) {
        this.engine = engine;
    }

    /** What a read returns for each item, decided once per request. */
    private record Shape(
            TableDefinition def,
            TableDefinition.IndexDefinition index,
            String select,
            List<DocumentPath> projection,
            Expression.Condition filter) {

        Map<String, AttributeValue> view(Map<String, AttributeValue> item) {
            return index == null ? item : index.project(item, def.key());
        }

        /** The item the filter and projection see: the full item for tables and LSIs, the projected one for GSIs. */
        Map<String, AttributeValue> readable(Map<String, AttributeValue> item) {
            return index != null && index.global() ? view(item) : item;
        }

        Map<String, AttributeValue> output(Map<String, AttributeValue> item) {
            return switch (select) {
                case "ALL_ATTRIBUTES" -> item;
                case "ALL_PROJECTED_ATTRIBUTES" -> view(item);
                case "SPECIFIC_ATTRIBUTES" -> Expression.project(readable(item), projection);
                default -> null;
            };
        }

        Map<String, AttributeValue> lastKey(Map<String, AttributeValue> item) {
            Map<String, AttributeValue> k = new LinkedHashMap<>();
            for (String a : new String[] {def.key().hash(), def.key().range()}) {
                if (a != null) {
                    k.put(a, item.get(a));
                }
            }
            if (index != null) {
                for (String a : new String[] {index.key().hash(), index.key().range()}) {
                    if (a != null) {
                        k.put(a, item.get(a));
                    }
                }
            }
            return k;
        }
    }

    /** A parsed Query or Scan: what it returns per item, and (Query only, else null) its key condition. */
    private record ParsedRead(Shape shape, Expression.Condition keyCondition) {}

    private ParsedRead parse(JsonNode req, Table t, ExpressionContext ctx, boolean query) {
        TableDefinition def = t.def;
        String indexName = RequestFields.str(req, "IndexName");
        TableDefinition.IndexDefinition index = null;
        if (indexName != null) {
            index = def.index(indexName);
            if (index == null) {
                throw DynamoException.validation("The table does not have the specified index: " + indexName);
            }
            if (index.global() && req.path("ConsistentRead").asBoolean(false)) {
                throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
            }
        }
        String pe = RequestFields.str(req, "ProjectionExpression");
        String fe = RequestFields.str(req, "FilterExpression");
        String kce = query ? RequestFields.str(req, "KeyConditionExpression") : null;
        if (query && kce == null) {
            throw DynamoException.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Expression.Condition kc = kce == null ? null : ExpressionParser.condition(kce, "KeyConditionExpression", ctx);
        Expression.Condition filter = fe == null ? null : ExpressionParser.condition(fe, "FilterExpression", ctx);
        List<DocumentPath> projection = pe == null ? null : ExpressionParser.projection(pe, ctx);
        ctx.checkUnused(kce != null || fe != null || pe != null);
        String select = RequestFields.oneOf(req, "Select", null, SELECTS);
        if (select == null) {
            select = projection != null
                    ? "SPECIFIC_ATTRIBUTES"
                    : index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        } else if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoException.validation(
                    select.equals("COUNT")
                            ? "Cannot specify the ProjectionExpression when choosing to get only the Count"
                            : "Cannot specify the ProjectionExpression when choosing to get " + select);
        } else if (projection == null && select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoException.validation(
                    "Must specify the ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
            throw DynamoException.validation(
                    "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        if (select.equals("ALL_ATTRIBUTES")
                && index != null
                && index.global()
                && !index.projectionType().equals("ALL")) {
            throw DynamoException.invalidParams(
                    "Select type ALL_ATTRIBUTES is not supported for global secondary index " + index.name()
                            + " because its projection type is not ALL");
        }
        return new ParsedRead(new Shape(def, index, select, projection, filter), kc);
    }

    /**
     * DynamoDB rejects a Query whose FilterExpression reads a key attribute of the queried table or index (those
     * belong in the KeyConditionExpression); a Scan may filter on any attribute.
     */
    private static void checkFilterHasNoKeyAttributes(Expression.Condition filter, TableDefinition.KeySchema key) {
        if (filter == null) {
            return;
        }
        Set<String> read = Expression.attributeNames(filter);
        for (String attribute : key.attributes()) {
            if (read.contains(attribute)) {
                throw DynamoException.validation(
                        "Filter Expression can only contain non-primary key attributes: Primary key attribute: "
                                + attribute);
            }
        }
    }

    /** The store a read goes through (the table's, or its index's); the caller holds the read lock. */
    private static ItemStore liveStore(Table t, Shape shape) {
        if (t.deleted) {
            throw DynamoException.tableNotFound();
        }
        return shape.index() == null ? t.items : t.indexes.get(shape.index().name());
    }

    private record Position(AttributeValue partition, KeyTuple sort) {}

    private Position startKey(JsonNode req, Shape shape, ItemStore store) {
        JsonNode esk = RequestFields.node(req, "ExclusiveStartKey");
        if (esk == null) {
            return null;
        }
        Map<String, AttributeValue> k = AttributeValueJson.item(esk);
        List<String> needed = new ArrayList<>();
        needed.add(shape.def().key().hash());
        if (shape.def().key().range() != null) {
            needed.add(shape.def().key().range());
        }
        if (shape.index() != null) {
            if (!needed.contains(shape.index().key().hash())) {
                needed.add(shape.index().key().hash());
            }
            if (shape.index().key().range() != null
                    && !needed.contains(shape.index().key().range())) {
                needed.add(shape.index().key().range());
            }
        }
        for (String n : needed) {
            AttributeValue v = k.get(n);
            if (v == null || v.type != shape.def().attributeTypes().get(n)) {
                throw DynamoException.validation(
                        "The provided starting key is invalid: The provided key element does not match the schema");
            }
        }
        if (k.size() != needed.size()) {
            throw DynamoException.validation(
                    "The provided starting key is invalid: The provided key element does not match the schema");
        }
        return new Position(store.partition(k), store.sortTuple(k));
    }

    private record KeyConditionParts(AttributeValue hash, Expression.Condition sort) {}

    private static KeyConditionParts keyCondition(
            Expression.Condition kc, TableDefinition def, TableDefinition.KeySchema key) {
        List<Expression.Condition> parts = new ArrayList<>();
        flatten(kc, parts);
        if (parts.size() > 2) {
            throw DynamoException.validation(
                    "Invalid KeyConditionExpression: The expression has redundant parentheses or too many conditions; Conditions can be of length 1 or 2 only");
        }
        AttributeValue hash = null;
        Expression.Condition sort = null;
        for (Expression.Condition c : parts) {
            Expression.Operand target;
            List<Expression.Operand> values = new ArrayList<>();
            boolean isEq = false;
            if (c instanceof Expression.Compare cmp) {
                if (cmp.op() == Expression.Comparison.NE) {
                    throw DynamoException.validation("Unsupported operator on KeyConditionExpression: operator: <>");
                }
                target = cmp.left();
                values.add(cmp.right());
                isEq = cmp.op() == Expression.Comparison.EQ;
            } else if (c instanceof Expression.Between b) {
                target = b.value();
                values.add(b.low());
                values.add(b.high());
            } else if (c instanceof Expression.FunctionCall f && f.name().equals("begins_with")) {
                target = f.args().get(0);
                values.add(f.args().get(1));
            } else if (c instanceof Expression.FunctionCall f) {
                throw DynamoException.validation("Invalid operator used in KeyConditionExpression: " + f.name());
            } else if (c instanceof Expression.In) {
                throw DynamoException.validation("Invalid operator used in KeyConditionExpression: IN");
            } else if (c instanceof Expression.Or) {
                throw DynamoException.validation("Invalid operator used in KeyConditionExpression: OR");
            } else {
                throw DynamoException.validation("Invalid operator used in KeyConditionExpression: NOT");
            }
            if (!(target instanceof Expression.PathOperand p)) {
                throw DynamoException.validation("Query key condition not supported");
            }
            if (p.path().elements().size() > 1) {
                throw DynamoException.validation("KeyConditionExpressions cannot have conditions on nested attributes");
            }
            String attr = p.path().first();
            for (Expression.Operand v : values) {
                if (!(v instanceof Expression.ValueOperand)) {
                    throw DynamoException.validation("Query key condition not supported");
                }
                if (!key.isKey(attr)) {
                    continue;
                }
                AttributeValue.Type want = def.attributeTypes().get(attr);
                if (((Expression.ValueOperand) v).value().type != want) {
                    throw DynamoException.invalidParams("Condition parameter type does not match schema type");
                }
            }
            if (attr.equals(key.hash())) {
                if (!isEq) {
                    throw DynamoException.validation("Query key condition not supported");
                }
                if (hash != null) {
                    throw DynamoException.validation("KeyConditionExpressions must only contain one condition per key");
                }
                hash = ((Expression.ValueOperand) values.get(0)).value();
            } else if (attr.equals(key.range())) {
                if (sort != null) {
                    throw DynamoException.validation("KeyConditionExpressions must only contain one condition per key");
                }
                if (c instanceof Expression.FunctionCall
                        && ((Expression.ValueOperand) values.get(0)).value().type == AttributeValue.Type.N) {
                    throw DynamoException.validation(
                            "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
                }
                sort = c;
            } else {
                throw DynamoException.validation(
                        "Query condition missed key schema element: " + (hash == null ? key.hash() : key.range()));
            }
        }
        if (hash == null) {
            throw DynamoException.validation("Query condition missed key schema element: " + key.hash());
        }
        return new KeyConditionParts(hash, sort);
    }

    private static void flatten(Expression.Condition c, List<Expression.Condition> out) {
        if (c instanceof Expression.And a) {
            flatten(a.left(), out);
            flatten(a.right(), out);
        } else {
            out.add(c);
        }
    }

    ObjectNode query(JsonNode req) {
        RequestFields.noLegacy(req);
        Table t = engine.table(req);
        ExpressionContext ctx = ExpressionContext.of(req);
        ParsedRead parsed = parse(req, t, ctx, true);
        Shape shape = parsed.shape();
        Integer limit = RequestFields.intField(req, "Limit", 1, Integer.MAX_VALUE);
        boolean forward = req.path("ScanIndexForward").asBoolean(true);
        TableDefinition.KeySchema key =
                shape.index() == null ? shape.def().key() : shape.index().key();
        KeyConditionParts cond = keyCondition(parsed.keyCondition(), shape.def(), key);
        checkFilterHasNoKeyAttributes(shape.filter(), key);
        t.lock.readLock().lock();
        try {
            ItemStore store = liveStore(t, shape);
            Position start = startKey(req, shape, store);
            if (start != null && !cond.hash().equals(start.partition())) {
                throw DynamoException.validation(
                        "The provided starting key is invalid: The provided starting key does not match the range key predicate");
            }
            NavigableMap<KeyTuple, Map<String, AttributeValue>> part = store.partition(cond.hash());
            NavigableMap<KeyTuple, Map<String, AttributeValue>> view;
            if (forward) {
                view = start == null ? part : part.tailMap(start.sort(), false);
            } else {
                view = start == null
                        ? part.descendingMap()
                        : part.headMap(start.sort(), false).descendingMap();
            }
            Iterator<Map<String, AttributeValue>> it = view.values().iterator();
            if (cond.sort() != null) {
                it = filtered(it, cond.sort());
            }
            return page(req, t, store, shape, it, limit);
        } finally {
            t.lock.readLock().unlock();
        }
    }

    private static Iterator<Map<String, AttributeValue>> filtered(
            Iterator<Map<String, AttributeValue>> it, Expression.Condition c) {
        return new Iterator<>() {
            Map<String, AttributeValue> next = advance();

            private Map<String, AttributeValue> advance() {
                while (it.hasNext()) {
                    Map<String, AttributeValue> x = it.next();
                    if (c.test(x)) {
                        return x;
                    }
                }
                return null;
            }

            public boolean hasNext() {
                return next != null;
            }

            public Map<String, AttributeValue> next() {
                Map<String, AttributeValue> r = next;
                next = advance();
                return r;
            }
        };
    }

    ObjectNode scan(JsonNode req) {
        RequestFields.noLegacy(req);
        Table t = engine.table(req);
        ExpressionContext ctx = ExpressionContext.of(req);
        Shape shape = parse(req, t, ctx, false).shape();
        Integer limit = RequestFields.intField(req, "Limit", 1, Integer.MAX_VALUE);
        Integer segment = RequestFields.intField(req, "Segment", 0, 999_999);
        Integer total = RequestFields.intField(req, "TotalSegments", 1, 1_000_000);
        if (segment != null && total == null) {
            throw DynamoException.validation(
                    "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (total != null && segment == null) {
            throw DynamoException.validation(
                    "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (segment != null && segment >= total) {
            throw DynamoException.validation(
                    "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                            + segment + " is not less than TotalSegments: " + total);
        }
        t.lock.readLock().lock();
        try {
            ItemStore store = liveStore(t, shape);
            Position start = startKey(req, shape, store);
            List<Iterator<Map<String, AttributeValue>>> parts = new ArrayList<>();
            NavigableMap<AttributeValue, TreeMap<KeyTuple, Map<String, AttributeValue>>> partitions = store.partitions;
            if (start != null) {
                TreeMap<KeyTuple, Map<String, AttributeValue>> first = partitions.get(start.partition());
                if (first != null) {
                    parts.add(first.tailMap(start.sort(), false).values().iterator());
                }
                partitions = partitions.tailMap(start.partition(), false);
            }
            Iterator<Map.Entry<AttributeValue, TreeMap<KeyTuple, Map<String, AttributeValue>>>> pit =
                    partitions.entrySet().iterator();
            Iterator<Map<String, AttributeValue>> firstPart =
                    parts.isEmpty() ? Collections.emptyIterator() : parts.get(0);
            Iterator<Map<String, AttributeValue>> all = new Iterator<>() {
                Iterator<Map<String, AttributeValue>> cur = firstPart;

                public boolean hasNext() {
                    while (!cur.hasNext()) {
                        if (!pit.hasNext()) {
                            return false;
                        }
                        Map.Entry<AttributeValue, TreeMap<KeyTuple, Map<String, AttributeValue>>> e = pit.next();
                        if (segment != null && Math.floorMod(e.getKey().hashCode(), total) != segment) {
                            continue;
                        }
                        cur = e.getValue().values().iterator();
                    }
                    return true;
                }

                public Map<String, AttributeValue> next() {
                    hasNext();
                    return cur.next();
                }
            };
            if (segment != null
                    && start != null
                    && Math.floorMod(start.partition().hashCode(), total) != segment) {
                throw DynamoException.validation(
                        "The provided starting key is invalid: The provided key is not in the requested segment");
            }
            return page(req, t, store, shape, all, limit);
        } finally {
            t.lock.readLock().unlock();
        }
    }

    private ObjectNode page(
            JsonNode req,
            Table t,
            ItemStore store,
            Shape shape,
            Iterator<Map<String, AttributeValue>> it,
            Integer limit) {
        ObjectNode out = NODES.objectNode();
        ArrayNode items = shape.select().equals("COUNT") ? null : out.putArray("Items");
        int count = 0, scanned = 0;
        long bytes = 0;
        Map<String, AttributeValue> last = null;
        boolean stopped = false;
        while (it.hasNext()) {
            Map<String, AttributeValue> item = it.next();
            scanned++;
            bytes += store.entrySize(item);
            last = item;
            if (shape.filter() == null || shape.filter().test(shape.readable(item))) {
                count++;
                if (items != null) {
                    items.add(AttributeValueJson.toJson(shape.output(item)));
                }
            }
            if ((limit != null && scanned >= limit) || bytes >= PAGE_BYTES) {
                stopped = true;
                break;
            }
        }
        out.put("Count", count);
        out.put("ScannedCount", scanned);
        if (stopped && (limit != null && scanned >= limit || it.hasNext())) {
            out.set("LastEvaluatedKey", AttributeValueJson.toJson(shape.lastKey(last)));
        }
        boolean consistent = req.path("ConsistentRead").asBoolean(false);
        Capacity capacity = new Capacity(req, Capacity.Kind.READ);
        double units = Capacity.readUnits(bytes, consistent);
        if (store.index == null) {
            capacity.addTable(t.def.name(), units);
        } else {
            capacity.addIndex(t.def.name(), store.index, units);
        }
        capacity.reportSingle(out);
        return out;
    }
}
