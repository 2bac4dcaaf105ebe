package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.AttributeValueJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems. A write transaction locks all its tables (in name order), checks every
 * condition, and then applies all writes or none.
 */
final class TransactionOperations {
    private static final long MAX_AGGREGATE_BYTES = 4L * 1024 * 1024;
    private static final Map<String, AttributeValue> EMPTY = Map.of();
    /** Transactional reads and writes cost twice the units of plain ones. */
    private static final double TRANSACTION_FACTOR = 2;

    private enum Kind {
        ConditionCheck,
        Put,
        Update,
        Delete
    }

    private record Action(
            Kind kind,
            Table table,
            Map<String, AttributeValue> key,
            Map<String, AttributeValue> item,
            ItemOperations.PreparedUpdate update,
            Expression.Condition cond,
            boolean allOld) {}

    /** The checked outcome of one action: the item before and after, and the cancellation reason (Code None when fine). */
    private record Outcome(Map<String, AttributeValue> old, Map<String, AttributeValue> newItem, ObjectNode reason) {
        boolean failed() {
            return !reason.get("Code").asText().equals("None");
        }
    }

    private final Engine engine;
    private final ItemOperations items;
    private final IdempotencyTokens tokens = new IdempotencyTokens();

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
            throw RequestFields.constraint(
                    "'[]'", "transactItems", "Member must have length greater than or equal to 1");
        }
        if (ti.size() > 100) {
            throw RequestFields.constraint(
                    "'[" + ti.size() + " items]'",
                    "transactItems",
                    "Member must have length less than or equal to 100");
        }
        return ti;
    }

    /**
     * Runs a write transaction: claims its idempotency token (if any), parses and validates every action, then under
     * the write locks of all its tables checks every condition and applies all writes (logged as one record) or none.
     */
    ObjectNode transactWriteItems(JsonNode req) {
        JsonNode transactItems = transactItems(req);
        Capacity capacity = new Capacity(req, Capacity.Kind.WRITE);
        String token = RequestFields.str(req, "ClientRequestToken");
        if (token == null || token.isEmpty()) {
            return run(parseActions(transactItems), capacity);
        }
        if (tokens.claim(token, digest(transactItems)) == IdempotencyTokens.Claim.ALREADY_APPLIED) {
            return NODES.objectNode();
        }
        boolean applied = false;
        try {
            ObjectNode out = run(parseActions(transactItems), capacity);
            applied = true;
            return out;
        } finally {
            tokens.finish(token, applied);
        }
    }

    private List<Action> parseActions(JsonNode transactItems) {
        List<Action> actions = new ArrayList<>();
        Set<List<Object>> targets = new HashSet<>();
        long aggregate = 0;
        for (JsonNode entry : transactItems) {
            int kinds = 0;
            for (Kind k : Kind.values()) {
                if (RequestFields.node(entry, k.name()) != null) {
                    kinds++;
                }
            }
            if (kinds != 1) {
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
        return actions;
    }

    private ObjectNode run(List<Action> actions, Capacity capacity) {
        if (engine.faults.takeConflict()) {
            throw cancelled(injectedConflictReasons(actions.size()));
        }
        List<Table> locked = Engine.lockAll(actions.stream().map(Action::table).toList(), true);
        try {
            for (Table t : locked) {
                if (t.deleted) {
                    throw DynamoException.tableNotFound();
                }
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Action a : actions) {
                outcomes.add(check(a));
            }
            if (outcomes.stream().anyMatch(Outcome::failed)) {
                ArrayNode reasons = NODES.arrayNode();
                outcomes.forEach(o -> reasons.add(o.reason()));
                throw cancelled(reasons);
            }
            applyAll(actions, outcomes, capacity);
        } finally {
            Engine.unlockAll(locked, true);
        }
        ObjectNode out = NODES.objectNode();
        capacity.reportList(out);
        return out;
    }

    /** Evaluates one action against the current item (caller holds the write locks); changes nothing. */
    private Outcome check(Action a) {
        Map<String, AttributeValue> old = a.table().get(a.key());
        ObjectNode reason = NODES.objectNode();
        if (a.cond() != null && !a.cond().test(old == null ? EMPTY : old)) {
            reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
            if (a.allOld() && old != null) {
                reason.set("Item", AttributeValueJson.toJson(old));
            }
            return new Outcome(old, old, reason);
        }
        try {
            Map<String, AttributeValue> newItem = switch (a.kind()) {
                case Put -> a.item();
                case Update -> items.applyUpdate(a.table().def, a.update(), old);
                case Delete -> null;
                case ConditionCheck -> old;
            };
            reason.put("Code", "None");
            return new Outcome(old, newItem, reason);
        } catch (DynamoException e) {
            reason.put("Code", "ValidationError").put("Message", e.getMessage());
            return new Outcome(old, old, reason);
        }
    }

    /** Applies every checked write and logs them as one persistence record (caller holds the write locks). */
    private void applyAll(List<Action> actions, List<Outcome> outcomes, Capacity capacity) {
        List<Persistence.Change> changes = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            Outcome o = outcomes.get(i);
            if (a.kind() == Kind.ConditionCheck) {
                capacity.addTable(
                        a.table().def.name(),
                        Capacity.writeUnits(o.old() == null ? 0 : AttributeValue.itemSize(o.old()))
                                * TRANSACTION_FACTOR);
                continue;
            }
            capacity.addItemWrite(a.table(), o.old(), o.newItem(), TRANSACTION_FACTOR);
            if (a.table().applyUnlogged(o.old(), o.newItem(), false)) {
                changes.add(a.table().change(o.old(), o.newItem()));
            }
        }
        engine.persist(changes);
    }

    private static ArrayNode injectedConflictReasons(int actions) {
        ArrayNode reasons = NODES.arrayNode();
        for (int i = 0; i < actions; i++) {
            ObjectNode r = reasons.addObject();
            if (i == 0) {
                r.put("Code", "TransactionConflict").put("Message", "Transaction is ongoing for the item");
            } else {
                r.put("Code", "None");
            }
        }
        return reasons;
    }

    private static DynamoException cancelled(ArrayNode reasons) {
        List<String> codes = new ArrayList<>();
        reasons.forEach(r -> codes.add(r.get("Code").asText()));
        ObjectNode extra = NODES.objectNode();
        extra.set("CancellationReasons", reasons);
        return new DynamoException(
                "TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
                400,
                extra);
    }

    private static String digest(JsonNode request) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(request.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
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
            throw RequestFields.constraint(
                    "null", "transactItems.1.member.conditionCheck.conditionExpression", "Member must not be null");
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
        Capacity capacity = new Capacity(req, Capacity.Kind.READ);
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
                capacity.addTable(
                        g.table().def.name(),
                        Capacity.readUnits(item == null ? 0 : AttributeValue.itemSize(item), true)
                                * TRANSACTION_FACTOR);
                ObjectNode r = responses.addObject();
                if (item != null) {
                    r.set(
                            "Item",
                            AttributeValueJson.toJson(
                                    g.projection() == null ? item : Expression.project(item, g.projection())));
                }
            }
        } finally {
            Engine.unlockAll(locked, false);
        }
        capacity.reportList(out);
        return out;
    }
}
