package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.AttributeValueJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BatchGetItem and BatchWriteItem; fault injection can return every request as unprocessed. */
final class BatchOperations {
    private final Engine engine;

    BatchOperations(Engine engine) {
        this.engine = engine;
    }

    private static JsonNode requestItems(JsonNode req) {
        JsonNode ri = RequestFields.node(req, "RequestItems");
        if (ri == null) {
            throw RequestFields.constraint("null", "requestItems", "Member must not be null");
        }
        if (!ri.isObject() || ri.size() == 0) {
            throw RequestFields.constraint(
                    "'{}'", "requestItems", "Member must have length greater than or equal to 1");
        }
        return ri;
    }

    ObjectNode batchGetItem(JsonNode req) {
        JsonNode ri = requestItems(req);
        int total = 0;
        record Get(
                Table table,
                List<Map<String, AttributeValue>> keys,
                List<DocumentPath> projection,
                boolean consistent,
                JsonNode original) {}
        List<Get> gets = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ri.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            RequestFields.tableName(e.getKey(), "requestItems");
            RequestFields.noLegacy(e.getValue());
            Table t = engine.table(e.getKey());
            JsonNode keys = RequestFields.node(e.getValue(), "Keys");
            if (keys == null || keys.size() == 0) {
                throw RequestFields.constraint(
                        "'[]'",
                        "requestItems." + e.getKey() + ".member.keys",
                        "Member must have length greater than or equal to 1");
            }
            total += keys.size();
            if (total > 100) {
                throw DynamoException.validation("Too many items requested for the BatchGetItem call");
            }
            List<Map<String, AttributeValue>> ks = new ArrayList<>();
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (JsonNode k : keys) {
                Map<String, AttributeValue> key = engine.key(t.def, k);
                if (!seen.add(key)) {
                    throw DynamoException.validation("Provided list of item keys contains duplicates");
                }
                ks.add(key);
            }
            ExpressionContext ctx = new ExpressionContext(e.getValue().get("ExpressionAttributeNames"), null);
            String pe = RequestFields.str(e.getValue(), "ProjectionExpression");
            List<DocumentPath> projection = pe == null ? null : ExpressionParser.projection(pe, ctx);
            ctx.checkUnused(pe != null);
            gets.add(new Get(
                    t, ks, projection, e.getValue().path("ConsistentRead").asBoolean(false), e.getValue()));
        }
        Capacity capacity = new Capacity(req, Capacity.Kind.READ);
        ObjectNode out = NODES.objectNode();
        ObjectNode responses = out.putObject("Responses");
        ObjectNode unprocessed = out.putObject("UnprocessedKeys");
        if (engine.faults.takeUnprocessed("BatchGetItem")) {
            for (Get g : gets) {
                responses.putArray(g.table().def.name());
                unprocessed.set(g.table().def.name(), g.original());
            }
            return out;
        }
        for (Get g : gets) {
            ArrayNode arr = responses.putArray(g.table().def.name());
            g.table().lock.readLock().lock();
            try {
                if (g.table().deleted) {
                    throw DynamoException.tableNotFound();
                }
                for (Map<String, AttributeValue> k : g.keys()) {
                    Map<String, AttributeValue> item = g.table().get(k);
                    capacity.addTable(
                            g.table().def.name(),
                            Capacity.readUnits(item == null ? 0 : AttributeValue.itemSize(item), g.consistent()));
                    if (item != null) {
                        arr.add(AttributeValueJson.toJson(
                                g.projection() == null ? item : Expression.project(item, g.projection())));
                    }
                }
            } finally {
                g.table().lock.readLock().unlock();
            }
        }
        capacity.reportList(out);
        return out;
    }

    ObjectNode batchWriteItem(JsonNode req) {
        JsonNode ri = requestItems(req);
        record Write(Table table, Map<String, AttributeValue> key, Map<String, AttributeValue> item) {}
        List<Write> writes = new ArrayList<>();
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = ri.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            RequestFields.tableName(e.getKey(), "requestItems");
            JsonNode list = e.getValue();
            if (!list.isArray() || list.size() == 0 || list.size() > 25) {
                throw RequestFields.constraint(
                        "'" + ri + "'",
                        "requestItems",
                        "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
            }
            total += list.size();
            if (total > 25) {
                throw RequestFields.constraint(
                        "'" + ri + "'",
                        "requestItems",
                        "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
            }
            Table t = engine.table(e.getKey());
            Set<Map<String, AttributeValue>> seen = new HashSet<>();
            for (JsonNode w : list) {
                JsonNode put = RequestFields.node(w, "PutRequest"), del = RequestFields.node(w, "DeleteRequest");
                if ((put == null) == (del == null)) {
                    throw DynamoException.validation(
                            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                }
                Write write;
                if (put != null) {
                    JsonNode itemNode = RequestFields.node(put, "Item");
                    if (itemNode == null) {
                        throw RequestFields.constraint(
                                "null",
                                "requestItems." + e.getKey() + ".member.putRequest.item",
                                "Member must not be null");
                    }
                    Map<String, AttributeValue> item = AttributeValueJson.item(itemNode);
                    engine.validateItem(t.def, item, false);
                    write = new Write(t, t.keyOf(item), item);
                } else {
                    write = new Write(t, engine.key(t.def, RequestFields.node(del, "Key")), null);
                }
                if (!seen.add(write.key())) {
                    throw DynamoException.validation("Provided list of item keys contains duplicates");
                }
                writes.add(write);
            }
        }
        Capacity capacity = new Capacity(req, Capacity.Kind.WRITE);
        ObjectNode out = NODES.objectNode();
        ObjectNode unprocessed = out.putObject("UnprocessedItems");
        if (engine.faults.takeUnprocessed("BatchWriteItem")) {
            unprocessed.setAll((ObjectNode) ri);
            return out;
        }
        for (Write w : writes) {
            Table t = w.table();
            t.lock.writeLock().lock();
            try {
                if (t.deleted) {
                    throw DynamoException.tableNotFound();
                }
                Map<String, AttributeValue> old = t.get(w.key());
                t.write(old, w.item(), false);
                capacity.addItemWrite(t, old, w.item(), 1);
            } finally {
                t.lock.writeLock().unlock();
            }
        }
        capacity.reportList(out);
        return out;
    }
}
