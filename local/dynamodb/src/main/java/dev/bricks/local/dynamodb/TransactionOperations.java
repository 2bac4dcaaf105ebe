package dev.bricks.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.bricks.local.dynamodb.AttributeValueJson.NODES;

/**
 * TransactWriteItems and TransactGetItems. A write transaction locks all its tables (in name order), checks every
 * condition, and then applies all writes or none.
 */
final class TransactionOperations {
    private static final long IDEMPOTENCY_MILLIS = 10 * 60 * 1000;
    private static final long MAX_AGGREGATE_BYTES = 4L * 1024 * 1024;
    private static final Map<String, AttributeValue> EMPTY = Map.of();

    /** A used token: a digest of its request (not the request itself: the SDK sends a fresh token every call). */
    private record UsedToken(String digest, long at) {}

    private enum Kind { ConditionCheck, Put, Update, Delete }

    private record Action(Kind kind, Table table, Map<String, AttributeValue> key, Map<String, AttributeValue> item, ItemOperations.PreparedUpdate update,
                          Expression.Condition cond, boolean allOld) {}

    private final Engine engine;
    private final ItemOperations items;
    private final Map<String, UsedToken> tokens = new LinkedHashMap<>();

    TransactionOperations(Engine engine) {
        this.engine = engine;
        this.items = new ItemOperations(engine);
    }

    private static JsonNode transactItems(JsonNode req) {
        JsonNode ti = RequestFields.node(req, "TransactItems");
        if (ti == null) {
            throw RequestFields.constraint("null", "transactItems", "Member must not be null");
        }
        if (ti.size() == 0) {
            throw RequestFields.constraint("'[]'", "transactItems", "Member must have length greater than or equal to 1");
        }
        if (ti.size() > 100) {
            throw RequestFields.constraint("'[" + ti.size() + " items]'", "transactItems", "Member must have length less than or equal to 100");
        }
        return ti;
    }

    ObjectNode transactWriteItems(JsonNode req) {
        JsonNode ti = transactItems(req);
        String token = RequestFields.str(req, "ClientRequestToken");
        if (token != null && !token.isEmpty()) {
            synchronized (tokens) {
                long now = System.currentTimeMillis();
                var it = tokens.values().iterator();
                while (it.hasNext() && now - it.next().at() > IDEMPOTENCY_MILLIS) it.remove();
                UsedToken s = tokens.get(token);
                if (s != null) {
                    if (s.digest().equals(digest(ti))) {
                        return NODES.objectNode();
                    }
                    throw new DynamoException("IdempotentParameterMismatchException",
                            "Request parameters do not match the original request made with the same ClientRequestToken", 400, null);
                }
            }
        }
        List<Action> actions = new ArrayList<>();
        Set<List<Object>> targets = new HashSet<>();
        long aggregate = 0;
        for (JsonNode entry : ti) {
            int n = 0;
            for (Kind k : Kind.values()) {
                if (RequestFields.node(entry, k.name()) != null) {
                    n++;
                }
            }
            if (n != 1) {
                throw DynamoException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            Action a = parse(entry);
            if (!targets.add(List.of(a.table().def.name(), a.key()))) {
                throw DynamoException.validation("Transaction request cannot include multiple operations on one item");
            }
            actions.add(a);
            if (a.item() != null) {
                aggregate += AttributeValue.itemSize(a.item());
            }
            if (aggregate > MAX_AGGREGATE_BYTES) {
                throw DynamoException.validation("Transaction request cannot exceed the aggregate size limit of 4 MB");
            }
        }
        if (engine.faults.takeConflict()) {
            ArrayNode reasons = NODES.arrayNode();
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < actions.size(); i++) {
                ObjectNode r = reasons.addObject();
                if (i == 0) {
                    r.put("Code", "TransactionConflict").put("Message", "Transaction is ongoing for the item");
                } else {
                    r.put("Code", "None");
                }
                codes.add(r.get("Code").asText());
            }
            ObjectNode extra = NODES.objectNode();
            extra.set("CancellationReasons", reasons);
            throw new DynamoException("TransactionCanceledException",
                    "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes, 400, extra);
        }
        List<Table> locked = Engine.lockAll(actions.stream().map(Action::table).toList(), true);
        try {
            for (Table t : locked) {
                if (t.deleted) {
                    throw DynamoException.tableNotFound();
                }
            }
            List<Map<String, AttributeValue>> olds = new ArrayList<>();
            List<Map<String, AttributeValue>> news = new ArrayList<>();
            ArrayNode reasons = NODES.arrayNode();
            List<String> codes = new ArrayList<>();
            boolean failed = false;
            for (Action a : actions) {
                Map<String, AttributeValue> old = a.table().get(a.key());
                olds.add(old);
                ObjectNode reason = NODES.objectNode();
                Map<String, AttributeValue> newItem = old;
                if (a.cond() != null && !a.cond().test(old == null ? EMPTY : old)) {
                    reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                    if (a.allOld() && old != null) {
                        reason.set("Item", AttributeValueJson.toJson(old));
                    }
                    failed = true;
                } else {
                    try {
                        newItem = switch (a.kind()) {
                            case Put -> a.item();
                            case Update -> items.applyUpdate(a.table().def, a.update(), old);
                            case Delete -> null;
                            case ConditionCheck -> old;
                        };
                        reason.put("Code", "None");
                    } catch (DynamoException e) {
                        reason.put("Code", "ValidationError").put("Message", e.getMessage());
                        failed = true;
                    }
                }
                news.add(newItem);
                codes.add(reason.get("Code").asText());
                reasons.add(reason);
            }
            if (failed) {
                ObjectNode extra = NODES.objectNode();
                extra.set("CancellationReasons", reasons);
                throw new DynamoException("TransactionCanceledException",
                        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes, 400, extra);
            }
            for (int i = 0; i < actions.size(); i++) {
                Action a = actions.get(i);
                if (a.kind() != Kind.ConditionCheck) {
                    a.table().write(olds.get(i), news.get(i), false);
                }
            }
        } finally {
            Engine.unlockAll(locked, true);
        }
        if (token != null && !token.isEmpty()) {
            synchronized (tokens) {
                tokens.put(token, new UsedToken(digest(ti), System.currentTimeMillis()));
            }
        }
        return NODES.objectNode();
    }

    private static String digest(JsonNode request) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private Action parse(JsonNode entry) {
        JsonNode n;
        if ((n = RequestFields.node(entry, "Put")) != null) {
            Table t = engine.table(n);
            JsonNode itemNode = RequestFields.node(n, "Item");
            if (itemNode == null) {
                throw RequestFields.constraint("null", "transactItems.1.member.put.item", "Member must not be null");
            }
            Map<String, AttributeValue> item = AttributeValueJson.item(itemNode);
            engine.validateItem(t.def, item, false);
            ExpressionContext ctx = ExpressionContext.of(n);
            Expression.Condition cond = ItemOperations.condition(n, ctx);
            ctx.checkUnused(cond != null);
            return new Action(Kind.Put, t, t.keyOf(item), item, null, cond, ItemOperations.allOldOnFailure(n));
        }
        if ((n = RequestFields.node(entry, "Update")) != null) {
            Table t = engine.table(n);
            ItemOperations.PreparedUpdate u = items.prepareUpdate(t, n, "UpdateExpression");
            return new Action(Kind.Update, t, u.key(), null, u, u.cond(), ItemOperations.allOldOnFailure(n));
        }
        Kind kind = RequestFields.node(entry, "Delete") != null ? Kind.Delete : Kind.ConditionCheck;
        n = entry.get(kind.name());
        Table t = engine.table(n);
        Map<String, AttributeValue> key = engine.key(t.def, RequestFields.node(n, "Key"));
        ExpressionContext ctx = ExpressionContext.of(n);
        Expression.Condition cond = ItemOperations.condition(n, ctx);
        if (kind == Kind.ConditionCheck && cond == null) {
            throw RequestFields.constraint("null", "transactItems.1.member.conditionCheck.conditionExpression", "Member must not be null");
        }
        ctx.checkUnused(cond != null);
        return new Action(kind, t, key, null, null, cond, ItemOperations.allOldOnFailure(n));
    }

    ObjectNode transactGetItems(JsonNode req) {
        JsonNode ti = transactItems(req);
        record Get(Table table, Map<String, AttributeValue> key, List<DocumentPath> projection) {}
        List<Get> gets = new ArrayList<>();
        for (JsonNode entry : ti) {
            JsonNode g = RequestFields.node(entry, "Get");
            if (g == null) {
                throw RequestFields.constraint("null", "transactItems.1.member.get", "Member must not be null");
            }
            Table t = engine.table(g);
            Map<String, AttributeValue> key = engine.key(t.def, RequestFields.node(g, "Key"));
            ExpressionContext ctx = new ExpressionContext(g.get("ExpressionAttributeNames"), null);
            String pe = RequestFields.str(g, "ProjectionExpression");
            List<DocumentPath> projection = pe == null ? null : ExpressionParser.projection(pe, ctx);
            ctx.checkUnused(pe != null);
            gets.add(new Get(t, key, projection));
        }
        List<Table> locked = Engine.lockAll(gets.stream().map(Get::table).toList(), false);
        ObjectNode out = NODES.objectNode();
        ArrayNode responses = out.putArray("Responses");
        try {
            for (Table t : locked) {
                if (t.deleted) {
                    throw DynamoException.tableNotFound();
                }
            }
            for (Get g : gets) {
                Map<String, AttributeValue> item = g.table().get(g.key());
                ObjectNode r = responses.addObject();
                if (item != null) {
                    r.set("Item", AttributeValueJson.toJson(g.projection() == null ? item : Expression.project(item, g.projection())));
                }
            }
        } finally {
            Engine.unlockAll(locked, false);
        }
        return out;
    }
}
