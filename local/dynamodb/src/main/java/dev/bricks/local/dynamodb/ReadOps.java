package dev.bricks.local.dynamodb;

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

import static dev.bricks.local.dynamodb.AvJson.F;

/** Query and Scan, on tables and secondary indexes, with DynamoDB's paging (Limit, 1 MB pages, LastEvaluatedKey). */
final class ReadOps {
    static final int PAGE_BYTES = 1024 * 1024;
    private static final Set<String> SELECTS = Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

    private final Engine engine;

    ReadOps(Engine engine) {
        this.engine = engine;
    }

    /** What a read returns for each item, decided once per request. */
    private record Shape(TableDef def, TableDef.IndexDef index, String select, List<DocPath> projection, Expr.Cond filter) {

        boolean fullItemAvailable() { return index == null || !index.global() || index.projectionType().equals("ALL"); }

        Map<String, Av> view(Map<String, Av> item) {
            if (index == null || index.projectionType().equals("ALL")) return item;
            Map<String, Av> v = new LinkedHashMap<>();
            for (String k : new String[] {def.key().hash(), def.key().range(), index.key().hash(), index.key().range()}) {
                if (k != null && item.containsKey(k)) v.put(k, item.get(k));
            }
            for (String k : index.nonKeyAttributes()) if (item.containsKey(k)) v.put(k, item.get(k));
            return v;
        }

        /** The item the filter and projection see: the full item for tables and LSIs, the projected one for GSIs. */
        Map<String, Av> readable(Map<String, Av> item) {
            return index != null && index.global() ? view(item) : item;
        }

        Map<String, Av> output(Map<String, Av> item) {
            return switch (select) {
                case "ALL_ATTRIBUTES" -> item;
                case "ALL_PROJECTED_ATTRIBUTES" -> view(item);
                case "SPECIFIC_ATTRIBUTES" -> Expr.project(readable(item), projection);
                default -> null;
            };
        }

        Map<String, Av> lastKey(Map<String, Av> item) {
            Map<String, Av> k = new LinkedHashMap<>();
            for (String a : new String[] {def.key().hash(), def.key().range()}) if (a != null) k.put(a, item.get(a));
            if (index != null) {
                for (String a : new String[] {index.key().hash(), index.key().range()}) if (a != null) k.put(a, item.get(a));
            }
            return k;
        }
    }

    private Shape shape(JsonNode req, Table t, ExprContext ctx, boolean query, Expr.Cond[] keyCond) {
        TableDef def = t.def;
        String indexName = Req.str(req, "IndexName");
        TableDef.IndexDef index = null;
        if (indexName != null) {
            index = def.index(indexName);
            if (index == null) {
                throw DynamoException.validation("The table does not have the specified index: " + indexName);
            }
            if (index.global() && req.path("ConsistentRead").asBoolean(false)) {
                throw DynamoException.validation("Consistent reads are not supported on global secondary indexes");
            }
        }
        String pe = Req.str(req, "ProjectionExpression");
        String fe = Req.str(req, "FilterExpression");
        String kce = query ? Req.str(req, "KeyConditionExpression") : null;
        if (query && kce == null) {
            throw DynamoException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Expr.Cond kc = kce == null ? null : ExprParser.condition(kce, "KeyConditionExpression", ctx);
        if (keyCond != null) keyCond[0] = kc;
        Expr.Cond filter = fe == null ? null : ExprParser.condition(fe, "FilterExpression", ctx);
        List<DocPath> projection = pe == null ? null : ExprParser.projection(pe, ctx);
        ctx.checkUnused(kce != null || fe != null || pe != null);
        String select = Req.oneOf(req, "Select", null, SELECTS);
        if (select == null) {
            select = projection != null ? "SPECIFIC_ATTRIBUTES" : index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        } else if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoException.validation(select.equals("COUNT") ? "Cannot specify the ProjectionExpression when choosing to get only the Count"
                    : "Cannot specify the ProjectionExpression when choosing to get " + select);
        } else if (projection == null && select.equals("SPECIFIC_ATTRIBUTES")) {
            throw DynamoException.validation("Must specify the ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
            throw DynamoException.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        if (select.equals("ALL_ATTRIBUTES") && index != null && index.global() && !index.projectionType().equals("ALL")) {
            throw DynamoException.invalidParams("Select type ALL_ATTRIBUTES is not supported for global secondary index "
                    + index.name() + " because its projection type is not ALL");
        }
        return new Shape(def, index, select, projection, filter);
    }

    private record Position(Av partition, KeyTuple sort) {}

    private Position startKey(JsonNode req, Shape shape, ItemStore store) {
        JsonNode esk = Req.node(req, "ExclusiveStartKey");
        if (esk == null) return null;
        Map<String, Av> k = AvJson.item(esk);
        List<String> needed = new ArrayList<>();
        needed.add(shape.def().key().hash());
        if (shape.def().key().range() != null) needed.add(shape.def().key().range());
        if (shape.index() != null) {
            if (!needed.contains(shape.index().key().hash())) needed.add(shape.index().key().hash());
            if (shape.index().key().range() != null && !needed.contains(shape.index().key().range())) needed.add(shape.index().key().range());
        }
        for (String n : needed) {
            Av v = k.get(n);
            if (v == null || v.type != shape.def().attributeTypes().get(n)) {
                throw DynamoException.validation("The provided starting key is invalid: The provided key element does not match the schema");
            }
        }
        if (k.size() != needed.size()) {
            throw DynamoException.validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
        return new Position(store.partition(k), store.sortTuple(k));
    }

    private record KeyCond(Av hash, Expr.Cond sort) {}

    private static KeyCond keyCondition(Expr.Cond kc, TableDef def, TableDef.KeyDef key) {
        List<Expr.Cond> parts = new ArrayList<>();
        flatten(kc, parts);
        if (parts.size() > 2) throw DynamoException.validation("Invalid KeyConditionExpression: The expression has redundant parentheses or too many conditions; Conditions can be of length 1 or 2 only");
        Av hash = null;
        Expr.Cond sort = null;
        for (Expr.Cond c : parts) {
            Expr.Operand target;
            List<Expr.Operand> values = new ArrayList<>();
            boolean isEq = false;
            if (c instanceof Expr.Compare cmp) {
                if (cmp.op() == Expr.Cmp.NE) throw DynamoException.validation("Unsupported operator on KeyConditionExpression: operator: <>");
                target = cmp.left();
                values.add(cmp.right());
                isEq = cmp.op() == Expr.Cmp.EQ;
            } else if (c instanceof Expr.Between b) {
                target = b.value();
                values.add(b.low());
                values.add(b.high());
            } else if (c instanceof Expr.Func f && f.name().equals("begins_with")) {
                target = f.args().get(0);
                values.add(f.args().get(1));
            } else if (c instanceof Expr.Func f) {
                throw DynamoException.validation("Invalid operator used in KeyConditionExpression: " + f.name());
            } else if (c instanceof Expr.In) {
                throw DynamoException.validation("Invalid operator used in KeyConditionExpression: IN");
            } else if (c instanceof Expr.Or) {
                throw DynamoException.validation("Invalid operator used in KeyConditionExpression: OR");
            } else {
                throw DynamoException.validation("Invalid operator used in KeyConditionExpression: NOT");
            }
            if (!(target instanceof Expr.PathOp p)) throw DynamoException.validation("Query key condition not supported");
            if (p.path().elements().size() > 1) throw DynamoException.validation("KeyConditionExpressions cannot have conditions on nested attributes");
            String attr = p.path().first();
            for (Expr.Operand v : values) {
                if (!(v instanceof Expr.ValueOp)) throw DynamoException.validation("Query key condition not supported");
                if (!key.isKey(attr)) continue;
                Av.Type want = def.attributeTypes().get(attr);
                if (((Expr.ValueOp) v).value().type != want) {
                    throw DynamoException.invalidParams("Condition parameter type does not match schema type");
                }
            }
            if (attr.equals(key.hash())) {
                if (!isEq) throw DynamoException.validation("Query key condition not supported");
                if (hash != null) throw DynamoException.validation("KeyConditionExpressions must only contain one condition per key");
                hash = ((Expr.ValueOp) values.get(0)).value();
            } else if (attr.equals(key.range())) {
                if (sort != null) throw DynamoException.validation("KeyConditionExpressions must only contain one condition per key");
                if (c instanceof Expr.Func && ((Expr.ValueOp) values.get(0)).value().type == Av.Type.N) {
                    throw DynamoException.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
                }
                sort = c;
            } else {
                throw DynamoException.validation("Query condition missed key schema element: " + (hash == null ? key.hash() : key.range()));
            }
        }
        if (hash == null) throw DynamoException.validation("Query condition missed key schema element: " + key.hash());
        return new KeyCond(hash, sort);
    }

    private static void flatten(Expr.Cond c, List<Expr.Cond> out) {
        if (c instanceof Expr.And a) {
            flatten(a.left(), out);
            flatten(a.right(), out);
        } else {
            out.add(c);
        }
    }

    ObjectNode query(JsonNode req) {
        Req.noLegacy(req);
        Table t = engine.table(req);
        ExprContext ctx = ExprContext.of(req);
        Expr.Cond[] kc = new Expr.Cond[1];
        Shape shape = shape(req, t, ctx, true, kc);
        Integer limit = Req.intField(req, "Limit", 1, Integer.MAX_VALUE);
        boolean forward = req.path("ScanIndexForward").asBoolean(true);
        TableDef.KeyDef key = shape.index() == null ? shape.def().key() : shape.index().key();
        KeyCond cond = keyCondition(kc[0], shape.def(), key);
        t.lock.readLock().lock();
        try {
            if (t.deleted) throw DynamoException.tableNotFound();
            ItemStore store = shape.index() == null ? t.items : t.indexes.get(shape.index().name());
            Position start = startKey(req, shape, store);
            if (start != null && !cond.hash().equals(start.partition())) {
                throw DynamoException.validation("The provided starting key is invalid: The provided starting key does not match the range key predicate");
            }
            NavigableMap<KeyTuple, Map<String, Av>> part = store.partition(cond.hash());
            NavigableMap<KeyTuple, Map<String, Av>> view;
            if (forward) view = start == null ? part : part.tailMap(start.sort(), false);
            else view = start == null ? part.descendingMap() : part.headMap(start.sort(), false).descendingMap();
            Iterator<Map<String, Av>> it = view.values().iterator();
            if (cond.sort() != null) it = filtered(it, cond.sort());
            return page(req, t, shape, it, limit);
        } finally {
            t.lock.readLock().unlock();
        }
    }

    private static Iterator<Map<String, Av>> filtered(Iterator<Map<String, Av>> it, Expr.Cond c) {
        return new Iterator<>() {
            Map<String, Av> next = advance();

            private Map<String, Av> advance() {
                while (it.hasNext()) {
                    Map<String, Av> x = it.next();
                    if (c.test(x)) return x;
                }
                return null;
            }

            public boolean hasNext() { return next != null; }

            public Map<String, Av> next() {
                Map<String, Av> r = next;
                next = advance();
                return r;
            }
        };
    }

    ObjectNode scan(JsonNode req) {
        Req.noLegacy(req);
        Table t = engine.table(req);
        ExprContext ctx = ExprContext.of(req);
        Shape shape = shape(req, t, ctx, false, null);
        Integer limit = Req.intField(req, "Limit", 1, Integer.MAX_VALUE);
        Integer segment = Req.intField(req, "Segment", 0, 999_999);
        Integer total = Req.intField(req, "TotalSegments", 1, 1_000_000);
        if (segment != null && total == null) {
            throw DynamoException.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (total != null && segment == null) {
            throw DynamoException.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (segment != null && segment >= total) {
            throw DynamoException.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: "
                    + segment + " is not less than TotalSegments: " + total);
        }
        t.lock.readLock().lock();
        try {
            if (t.deleted) throw DynamoException.tableNotFound();
            ItemStore store = shape.index() == null ? t.items : t.indexes.get(shape.index().name());
            Position start = startKey(req, shape, store);
            List<Iterator<Map<String, Av>>> parts = new ArrayList<>();
            NavigableMap<Av, TreeMap<KeyTuple, Map<String, Av>>> partitions = store.partitions;
            if (start != null) {
                TreeMap<KeyTuple, Map<String, Av>> first = partitions.get(start.partition());
                if (first != null) parts.add(first.tailMap(start.sort(), false).values().iterator());
                partitions = partitions.tailMap(start.partition(), false);
            }
            Iterator<Map.Entry<Av, TreeMap<KeyTuple, Map<String, Av>>>> pit = partitions.entrySet().iterator();
            Iterator<Map<String, Av>> firstPart = parts.isEmpty() ? Collections.emptyIterator() : parts.get(0);
            Iterator<Map<String, Av>> all = new Iterator<>() {
                Iterator<Map<String, Av>> cur = firstPart;

                public boolean hasNext() {
                    while (!cur.hasNext()) {
                        if (!pit.hasNext()) return false;
                        Map.Entry<Av, TreeMap<KeyTuple, Map<String, Av>>> e = pit.next();
                        if (segment != null && Math.floorMod(e.getKey().hashCode(), total) != segment) continue;
                        cur = e.getValue().values().iterator();
                    }
                    return true;
                }

                public Map<String, Av> next() {
                    hasNext();
                    return cur.next();
                }
            };
            if (segment != null && start != null && Math.floorMod(start.partition().hashCode(), total) != segment) {
                throw DynamoException.validation("The provided starting key is invalid: The provided key is not in the requested segment");
            }
            return page(req, t, shape, all, limit);
        } finally {
            t.lock.readLock().unlock();
        }
    }

    private ObjectNode page(JsonNode req, Table t, Shape shape, Iterator<Map<String, Av>> it, Integer limit) {
        ObjectNode out = F.objectNode();
        ArrayNode items = shape.select().equals("COUNT") ? null : out.putArray("Items");
        int count = 0, scanned = 0;
        long bytes = 0;
        Map<String, Av> last = null;
        boolean stopped = false;
        while (it.hasNext()) {
            Map<String, Av> item = it.next();
            scanned++;
            bytes += Av.itemSize(item);
            last = item;
            if (shape.filter() == null || shape.filter().test(shape.readable(item))) {
                count++;
                if (items != null) items.add(AvJson.toJson(shape.output(item)));
            }
            if ((limit != null && scanned >= limit) || bytes >= PAGE_BYTES) {
                stopped = true;
                break;
            }
        }
        out.put("Count", count);
        out.put("ScannedCount", scanned);
        if (stopped && (limit != null && scanned >= limit || it.hasNext())) {
            out.set("LastEvaluatedKey", AvJson.toJson(shape.lastKey(last)));
        }
        boolean consistent = req.path("ConsistentRead").asBoolean(false);
        ObjectNode cc = Engine.capacity(req, t.def.name(), Math.max(0.5, Math.ceil(bytes / 4096.0) * (consistent ? 1 : 0.5)));
        if (cc != null) out.set("ConsumedCapacity", cc);
        return out;
    }
}
