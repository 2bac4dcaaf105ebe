package dev.bricks.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.bricks.local.dynamodb.AvJson.F;

/** BatchGetItem and BatchWriteItem; fault injection can return every request as unprocessed. */
final class BatchOps {
    private final Engine engine;

    BatchOps(Engine engine) {
        this.engine = engine;
    }

    private static JsonNode requestItems(JsonNode req) {
        JsonNode ri = Req.node(req, "RequestItems");
        if (ri == null) throw Req.constraint("null", "requestItems", "Member must not be null");
        if (!ri.isObject() || ri.size() == 0) {
            throw Req.constraint("'{}'", "requestItems", "Member must have length greater than or equal to 1");
        }
        return ri;
    }

    ObjectNode batchGetItem(JsonNode req) {
        JsonNode ri = requestItems(req);
        int total = 0;
        record Get(Table table, List<Map<String, Av>> keys, List<DocPath> projection, JsonNode original) {}
        List<Get> gets = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ri.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Req.tableName(e.getKey(), "requestItems");
            Req.noLegacy(e.getValue());
            Table t = engine.table(e.getKey());
            JsonNode keys = Req.node(e.getValue(), "Keys");
            if (keys == null || keys.size() == 0) {
                throw Req.constraint("'[]'", "requestItems." + e.getKey() + ".member.keys", "Member must have length greater than or equal to 1");
            }
            total += keys.size();
            if (total > 100) throw DynamoException.validation("Too many items requested for the BatchGetItem call");
            List<Map<String, Av>> ks = new ArrayList<>();
            Set<Map<String, Av>> seen = new HashSet<>();
            for (JsonNode k : keys) {
                Map<String, Av> key = engine.key(t.def, k);
                if (!seen.add(key)) throw DynamoException.validation("Provided list of item keys contains duplicates");
                ks.add(key);
            }
            ExprContext ctx = new ExprContext(e.getValue().get("ExpressionAttributeNames"), null);
            String pe = Req.str(e.getValue(), "ProjectionExpression");
            List<DocPath> projection = pe == null ? null : ExprParser.projection(pe, ctx);
            ctx.checkUnused(pe != null);
            gets.add(new Get(t, ks, projection, e.getValue()));
        }
        ObjectNode out = F.objectNode();
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
                if (g.table().deleted) throw DynamoException.tableNotFound();
                for (Map<String, Av> k : g.keys()) {
                    Map<String, Av> item = g.table().get(k);
                    if (item != null) arr.add(AvJson.toJson(g.projection() == null ? item : Expr.project(item, g.projection())));
                }
            } finally {
                g.table().lock.readLock().unlock();
            }
        }
        return out;
    }

    ObjectNode batchWriteItem(JsonNode req) {
        JsonNode ri = requestItems(req);
        record Write(Table table, Map<String, Av> key, Map<String, Av> item) {}
        List<Write> writes = new ArrayList<>();
        int total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = ri.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Req.tableName(e.getKey(), "requestItems");
            JsonNode list = e.getValue();
            if (!list.isArray() || list.size() == 0 || list.size() > 25) {
                throw Req.constraint("'" + ri + "'", "requestItems",
                        "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
            }
            total += list.size();
            if (total > 25) {
                throw Req.constraint("'" + ri + "'", "requestItems",
                        "Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
            }
            Table t = engine.table(e.getKey());
            Set<Map<String, Av>> seen = new HashSet<>();
            for (JsonNode w : list) {
                JsonNode put = Req.node(w, "PutRequest"), del = Req.node(w, "DeleteRequest");
                if ((put == null) == (del == null)) {
                    throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                }
                Write write;
                if (put != null) {
                    JsonNode itemNode = Req.node(put, "Item");
                    if (itemNode == null) throw Req.constraint("null", "requestItems." + e.getKey() + ".member.putRequest.item", "Member must not be null");
                    Map<String, Av> item = AvJson.item(itemNode);
                    engine.validateItem(t.def, item, false);
                    write = new Write(t, t.keyOf(item), item);
                } else {
                    write = new Write(t, engine.key(t.def, Req.node(del, "Key")), null);
                }
                if (!seen.add(write.key())) throw DynamoException.validation("Provided list of item keys contains duplicates");
                writes.add(write);
            }
        }
        ObjectNode out = F.objectNode();
        ObjectNode unprocessed = out.putObject("UnprocessedItems");
        if (engine.faults.takeUnprocessed("BatchWriteItem")) {
            unprocessed.setAll((ObjectNode) ri);
            return out;
        }
        for (Write w : writes) {
            Table t = w.table();
            t.lock.writeLock().lock();
            try {
                if (t.deleted) throw DynamoException.tableNotFound();
                t.write(t.get(w.key()), w.item(), false);
            } finally {
                t.lock.writeLock().unlock();
            }
        }
        return out;
    }
}
