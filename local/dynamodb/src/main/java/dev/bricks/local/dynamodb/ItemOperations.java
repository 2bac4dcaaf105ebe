package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.AttributeValueJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
final class ItemOperations {
    private static final Map<String, AttributeValue> EMPTY = Map.of();
    private static final Set<String> PUT_RETURN = Set.of("NONE", "ALL_OLD");
    private static final Set<String> UPDATE_RETURN = Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");

    private final Engine engine;

    ItemOperations(Engine engine) {
        this.engine = engine;
    }

    static String returnValues(JsonNode req, Set<String> allowed) {
        String rv = RequestFields.str(req, "ReturnValues");
        if (rv == null) {
            return "NONE";
        }
        if (!UPDATE_RETURN.contains(rv)) {
            throw RequestFields.constraint(
                    "'" + rv + "'",
                    "returnValues",
                    "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        }
        if (!allowed.contains(rv)) {
            throw DynamoException.validation("Return values set to invalid value");
        }
        return rv;
    }

    static boolean allOldOnFailure(JsonNode req) {
        String v = RequestFields.oneOf(req, "ReturnValuesOnConditionCheckFailure", "NONE", Set.of("NONE", "ALL_OLD"));
        return v.equals("ALL_OLD");
    }

    static Expression.Condition condition(JsonNode req, ExpressionContext ctx) {
        String c = RequestFields.str(req, "ConditionExpression");
        return c == null ? null : ExpressionParser.condition(c, "ConditionExpression", ctx);
    }

    static DynamoException conditionFailed(boolean allOld, Map<String, AttributeValue> old) {
        ObjectNode extra = null;
        if (allOld && old != null) {
            extra = NODES.objectNode().set("Item", AttributeValueJson.toJson(old));
        }
        return DynamoException.conditionFailed(extra);
    }

    private static void checkLive(Table t) {
        if (t.deleted) {
            throw DynamoException.tableNotFound();
        }
    }

    /**
     * Under the table's write lock, replaces the item at key by newItem (null deletes it) when cond holds for the
     * current item; returns that item as it was (null if there was none).
     */
    private static Map<String, AttributeValue> replaceIf(
            Table t,
            Map<String, AttributeValue> key,
            Expression.Condition cond,
            boolean allOld,
            Map<String, AttributeValue> newItem,
            Capacity capacity) {
        t.lock.writeLock().lock();
        try {
            checkLive(t);
            Map<String, AttributeValue> old = t.get(key);
            if (cond != null && !cond.test(old == null ? EMPTY : old)) {
                throw conditionFailed(allOld, old);
            }
            t.write(old, newItem, false);
            capacity.addItemWrite(t, old, newItem, 1);
            return old;
        } finally {
            t.lock.writeLock().unlock();
        }
    }

    /**
     * The shared part of PutItem (newItem is the item) and DeleteItem (newItem is null): reads the ConditionExpression and
     * return options, replaces the item at key when the condition holds, and answers with the old item when
     * ALL_OLD was asked for and the consumed capacity (of the new item, or of the deleted one).
     */
    private static ObjectNode conditionalReplace(
            JsonNode req,
            Table t,
            TableDefinition def,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> newItem) {
        ExpressionContext ctx = ExpressionContext.of(req);
        Expression.Condition cond = condition(req, ctx);
        ctx.checkUnused(cond != null);
        String rv = returnValues(req, PUT_RETURN);
        boolean allOld = allOldOnFailure(req);
        Capacity capacity = new Capacity(req, Capacity.Kind.WRITE);
        Map<String, AttributeValue> old = replaceIf(t, key, cond, allOld, newItem, capacity);
        ObjectNode out = NODES.objectNode();
        if (rv.equals("ALL_OLD") && old != null) {
            out.set("Attributes", AttributeValueJson.toJson(old));
        }
        capacity.reportSingle(out);
        return out;
    }

    ObjectNode putItem(JsonNode req) {
        RequestFields.noLegacy(req);
        Table t = engine.table(req);
        JsonNode itemNode = RequestFields.node(req, "Item");
        if (itemNode == null) {
            throw RequestFields.constraint("null", "item", "Member must not be null");
        }
        Map<String, AttributeValue> item = AttributeValueJson.item(itemNode);
        TableDefinition def = t.def;
        engine.validateItem(def, item, false);
        return conditionalReplace(req, t, def, t.keyOf(item), item);
    }

    ObjectNode getItem(JsonNode req) {
        RequestFields.noLegacy(req);
        Table t = engine.table(req);
        TableDefinition def = t.def;
        Map<String, AttributeValue> key = engine.key(def, RequestFields.node(req, "Key"));
        ExpressionContext ctx = ExpressionContext.of(req);
        String pe = RequestFields.str(req, "ProjectionExpression");
        List<DocumentPath> projection = pe == null ? null : ExpressionParser.projection(pe, ctx);
        ctx.checkUnused(pe != null);
        Map<String, AttributeValue> item;
        t.lock.readLock().lock();
        try {
            checkLive(t);
            item = t.get(key);
        } finally {
            t.lock.readLock().unlock();
        }
        ObjectNode out = NODES.objectNode();
        if (item != null) {
            out.set(
                    "Item",
                    AttributeValueJson.toJson(projection == null ? item : Expression.project(item, projection)));
        }
        boolean consistent = req.path("ConsistentRead").asBoolean(false);
        Capacity capacity = new Capacity(req, Capacity.Kind.READ);
        capacity.addTable(def.name(), Capacity.readUnits(item == null ? 0 : AttributeValue.itemSize(item), consistent));
        capacity.reportSingle(out);
        return out;
    }

    /** A parsed UpdateItem request, usable inside a transaction too. */
    record PreparedUpdate(Map<String, AttributeValue> key, Expression.Update update, Expression.Condition cond) {}

    PreparedUpdate prepareUpdate(Table t, JsonNode req, String expressionField) {
        TableDefinition def = t.def;
        Map<String, AttributeValue> key = engine.key(def, RequestFields.node(req, "Key"));
        ExpressionContext ctx = ExpressionContext.of(req);
        String ue = RequestFields.str(req, "UpdateExpression");
        if (ue == null && expressionField != null) {
            throw RequestFields.constraint("null", "updateExpression", "Member must not be null");
        }
        Expression.Update update = ue == null ? null : ExpressionParser.update(ue, ctx);
        Expression.Condition cond = condition(req, ctx);
        ctx.checkUnused(update != null || cond != null);
        if (update != null) {
            for (DocumentPath p : update.allPaths()) {
                if (def.key().isKey(p.first())) {
                    throw DynamoException.invalidParams(
                            "Cannot update attribute " + p.first() + ". This attribute is part of the key");
                }
            }
        }
        return new PreparedUpdate(key, update, cond);
    }

    /** Computes the new item for an update (caller holds the lock); validates the result. */
    Map<String, AttributeValue> applyUpdate(TableDefinition def, PreparedUpdate u, Map<String, AttributeValue> old) {
        Map<String, AttributeValue> base = old != null ? old : u.key();
        Map<String, AttributeValue> newItem =
                u.update() == null ? base : u.update().apply(base);
        engine.validateItem(def, newItem, true);
        return newItem;
    }

    ObjectNode updateItem(JsonNode req) {
        RequestFields.noLegacy(req);
        Table t = engine.table(req);
        PreparedUpdate u = prepareUpdate(t, req, null);
        String rv = returnValues(req, UPDATE_RETURN);
        boolean allOld = allOldOnFailure(req);
        Capacity capacity = new Capacity(req, Capacity.Kind.WRITE);
        Map<String, AttributeValue> old, newItem;
        t.lock.writeLock().lock();
        try {
            checkLive(t);
            old = t.get(u.key());
            if (u.cond() != null && !u.cond().test(old == null ? EMPTY : old)) {
                throw conditionFailed(allOld, old);
            }
            newItem = applyUpdate(t.def, u, old);
            t.write(old, newItem, false);
            capacity.addItemWrite(t, old, newItem, 1);
        } finally {
            t.lock.writeLock().unlock();
        }
        ObjectNode out = NODES.objectNode();
        Map<String, AttributeValue> attrs = switch (rv) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> newItem;
            case "UPDATED_OLD" ->
                old == null || u.update() == null
                        ? null
                        : Expression.project(old, u.update().allPaths());
            case "UPDATED_NEW" ->
                u.update() == null
                        ? null
                        : Expression.project(newItem, u.update().allPaths());
            default -> null;
        };
        if (attrs != null && !attrs.isEmpty()) {
            out.set("Attributes", AttributeValueJson.toJson(attrs));
        }
        capacity.reportSingle(out);
        return out;
    }

    ObjectNode deleteItem(JsonNode req) {
        RequestFields.noLegacy(req);
        Table t = engine.table(req);
        TableDefinition def = t.def;
        return conditionalReplace(req, t, def, engine.key(def, RequestFields.node(req, "Key")), null);
    }
}
