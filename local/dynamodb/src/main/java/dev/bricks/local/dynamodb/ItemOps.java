package dev.bricks.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.bricks.local.dynamodb.AvJson.F;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
final class ItemOps {
    private static final Map<String, Av> EMPTY = Map.of();
    private static final Set<String> PUT_RETURN = Set.of("NONE", "ALL_OLD");
    private static final Set<String> UPDATE_RETURN = Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");

    private final Engine engine;

    ItemOps(Engine engine) {
        this.engine = engine;
    }

    static String returnValues(JsonNode req, Set<String> allowed) {
        String rv = Req.str(req, "ReturnValues");
        if (rv == null) return "NONE";
        if (!UPDATE_RETURN.contains(rv)) {
            throw Req.constraint("'" + rv + "'", "returnValues", "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        }
        if (!allowed.contains(rv)) throw DynamoException.validation("Return values set to invalid value");
        return rv;
    }

    static boolean allOldOnFailure(JsonNode req) {
        String v = Req.oneOf(req, "ReturnValuesOnConditionCheckFailure", "NONE", Set.of("NONE", "ALL_OLD"));
        return v.equals("ALL_OLD");
    }

    static Expr.Cond condition(JsonNode req, ExprContext ctx) {
        String c = Req.str(req, "ConditionExpression");
        return c == null ? null : ExprParser.condition(c, "ConditionExpression", ctx);
    }

    static DynamoException conditionFailed(boolean allOld, Map<String, Av> old) {
        ObjectNode extra = null;
        if (allOld && old != null) extra = F.objectNode().set("Item", AvJson.toJson(old));
        return DynamoException.conditionFailed(extra);
    }

    private static void checkLive(Table t) {
        if (t.deleted) throw DynamoException.tableNotFound();
    }

    /** Write capacity units for an item: one per started KiB, at least one. */
    private static double writeUnits(Map<String, Av> item) {
        return Math.max(1, Math.ceil(Av.itemSize(item) / 1024.0));
    }

    /**
     * Under the table's write lock, replaces the item at key by neu (null deletes it) when cond holds for the
     * current item; returns that item as it was (null if there was none).
     */
    private static Map<String, Av> replaceIf(Table t, Map<String, Av> key, Expr.Cond cond, boolean allOld, Map<String, Av> neu) {
        t.lock.writeLock().lock();
        try {
            checkLive(t);
            Map<String, Av> old = t.get(key);
            if (cond != null && !cond.test(old == null ? EMPTY : old)) throw conditionFailed(allOld, old);
            t.write(old, neu, false);
            return old;
        } finally {
            t.lock.writeLock().unlock();
        }
    }

    /**
     * The shared part of PutItem (neu is the item) and DeleteItem (neu is null): reads the ConditionExpression and
     * return options, replaces the item at key when the condition holds, and answers with the old item when
     * ALL_OLD was asked for and the consumed capacity (of the new item, or of the deleted one).
     */
    private static ObjectNode conditionalReplace(JsonNode req, Table t, TableDef def, Map<String, Av> key, Map<String, Av> neu) {
        ExprContext ctx = ExprContext.of(req);
        Expr.Cond cond = condition(req, ctx);
        ctx.checkUnused(cond != null);
        String rv = returnValues(req, PUT_RETURN);
        boolean allOld = allOldOnFailure(req);
        Map<String, Av> old = replaceIf(t, key, cond, allOld, neu);
        ObjectNode out = F.objectNode();
        if (rv.equals("ALL_OLD") && old != null) out.set("Attributes", AvJson.toJson(old));
        double units = neu != null ? writeUnits(neu) : old == null ? 1 : writeUnits(old);
        ObjectNode cc = Engine.capacity(req, def.name(), units);
        if (cc != null) out.set("ConsumedCapacity", cc);
        return out;
    }

    ObjectNode putItem(JsonNode req) {
        Req.noLegacy(req);
        Table t = engine.table(req);
        JsonNode itemNode = Req.node(req, "Item");
        if (itemNode == null) throw Req.constraint("null", "item", "Member must not be null");
        Map<String, Av> item = AvJson.item(itemNode);
        TableDef def = t.def;
        engine.validateItem(def, item, false);
        return conditionalReplace(req, t, def, t.keyOf(item), item);
    }

    ObjectNode getItem(JsonNode req) {
        Req.noLegacy(req);
        Table t = engine.table(req);
        TableDef def = t.def;
        Map<String, Av> key = engine.key(def, Req.node(req, "Key"));
        ExprContext ctx = ExprContext.of(req);
        String pe = Req.str(req, "ProjectionExpression");
        List<DocPath> projection = pe == null ? null : ExprParser.projection(pe, ctx);
        ctx.checkUnused(pe != null);
        Map<String, Av> item;
        t.lock.readLock().lock();
        try {
            checkLive(t);
            item = t.get(key);
        } finally {
            t.lock.readLock().unlock();
        }
        ObjectNode out = F.objectNode();
        if (item != null) out.set("Item", AvJson.toJson(projection == null ? item : Expr.project(item, projection)));
        boolean consistent = req.path("ConsistentRead").asBoolean(false);
        double units = item == null ? 0.5 : Math.ceil(Av.itemSize(item) / 4096.0) * (consistent ? 1 : 0.5);
        ObjectNode cc = Engine.capacity(req, def.name(), Math.max(consistent ? 1 : 0.5, units));
        if (cc != null) out.set("ConsumedCapacity", cc);
        return out;
    }

    /** A parsed UpdateItem request, usable inside a transaction too. */
    record PreparedUpdate(Map<String, Av> key, Expr.Update update, Expr.Cond cond) {}

    PreparedUpdate prepareUpdate(Table t, JsonNode req, String expressionField) {
        TableDef def = t.def;
        Map<String, Av> key = engine.key(def, Req.node(req, "Key"));
        ExprContext ctx = ExprContext.of(req);
        String ue = Req.str(req, "UpdateExpression");
        if (ue == null && expressionField != null) throw Req.constraint("null", "updateExpression", "Member must not be null");
        Expr.Update update = ue == null ? null : ExprParser.update(ue, ctx);
        Expr.Cond cond = condition(req, ctx);
        ctx.checkUnused(update != null || cond != null);
        if (update != null) {
            for (DocPath p : update.allPaths()) {
                if (def.key().isKey(p.first())) {
                    throw DynamoException.invalidParams("Cannot update attribute " + p.first() + ". This attribute is part of the key");
                }
            }
        }
        return new PreparedUpdate(key, update, cond);
    }

    /** Computes the new item for an update (caller holds the lock); validates the result. */
    Map<String, Av> applyUpdate(TableDef def, PreparedUpdate u, Map<String, Av> old) {
        Map<String, Av> base = old != null ? old : u.key();
        Map<String, Av> neu = u.update() == null ? base : u.update().apply(base);
        engine.validateItem(def, neu, true);
        return neu;
    }

    ObjectNode updateItem(JsonNode req) {
        Req.noLegacy(req);
        Table t = engine.table(req);
        PreparedUpdate u = prepareUpdate(t, req, null);
        String rv = returnValues(req, UPDATE_RETURN);
        boolean allOld = allOldOnFailure(req);
        Map<String, Av> old, neu;
        TableDef def;
        t.lock.writeLock().lock();
        try {
            checkLive(t);
            def = t.def;
            old = t.get(u.key());
            if (u.cond() != null && !u.cond().test(old == null ? EMPTY : old)) throw conditionFailed(allOld, old);
            neu = applyUpdate(def, u, old);
            t.write(old, neu, false);
        } finally {
            t.lock.writeLock().unlock();
        }
        ObjectNode out = F.objectNode();
        Map<String, Av> attrs = switch (rv) {
            case "ALL_OLD" -> old;
            case "ALL_NEW" -> neu;
            case "UPDATED_OLD" -> old == null || u.update() == null ? null : Expr.project(old, u.update().allPaths());
            case "UPDATED_NEW" -> u.update() == null ? null : Expr.project(neu, u.update().allPaths());
            default -> null;
        };
        if (attrs != null && !attrs.isEmpty()) out.set("Attributes", AvJson.toJson(attrs));
        ObjectNode cc = Engine.capacity(req, def.name(), writeUnits(neu));
        if (cc != null) out.set("ConsumedCapacity", cc);
        return out;
    }

    ObjectNode deleteItem(JsonNode req) {
        Req.noLegacy(req);
        Table t = engine.table(req);
        TableDef def = t.def;
        return conditionalReplace(req, t, def, engine.key(def, Req.node(req, "Key")), null);
    }
}
