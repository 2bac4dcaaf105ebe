package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.AttributeValueJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The DynamoDB engine behind the HTTP front: a catalogue of tables and the table-level operations; item,
 * query, batch, transaction and stream operations live in their own classes. Thread-safe.
 */
final class Engine {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";
    static final int MAX_ITEM_SIZE = 400 * 1024;

    final Map<String, Table> tables = new ConcurrentHashMap<>();
    final Map<String, StreamLog> streams = new ConcurrentHashMap<>();
    final Faults faults;
    final List<CallListener> listeners = new CopyOnWriteArrayList<>();
    /** The item changes of the call running on this thread, while listeners are told of calls. */
    private final ThreadLocal<List<ItemChange>> collecting = new ThreadLocal<>();

    private final AtomicLong sequence = new AtomicLong(100_000_000_000L);
    private final Map<String, Function<JsonNode, ObjectNode>> operations = new HashMap<>();
    volatile Persistence persistence;

    Engine(Faults faults) {
        this.faults = faults;
        ItemOperations items = new ItemOperations(this);
        QueryScanOperations reads = new QueryScanOperations(this);
        BatchOperations batch = new BatchOperations(this);
        TransactionOperations tx = new TransactionOperations(this);
        StreamOperations st = new StreamOperations(this);
        operations.put("CreateTable", this::createTable);
        operations.put("DescribeTable", this::describeTable);
        operations.put("ListTables", this::listTables);
        operations.put("DeleteTable", this::deleteTable);
        operations.put("UpdateTable", this::updateTable);
        operations.put("UpdateTimeToLive", this::updateTimeToLive);
        operations.put("DescribeTimeToLive", this::describeTimeToLive);
        operations.put("PutItem", items::putItem);
        operations.put("GetItem", items::getItem);
        operations.put("UpdateItem", items::updateItem);
        operations.put("DeleteItem", items::deleteItem);
        operations.put("Query", reads::query);
        operations.put("Scan", reads::scan);
        operations.put("BatchGetItem", batch::batchGetItem);
        operations.put("BatchWriteItem", batch::batchWriteItem);
        operations.put("TransactWriteItems", tx::transactWriteItems);
        operations.put("TransactGetItems", tx::transactGetItems);
        operations.put("ListStreams", st::listStreams);
        operations.put("DescribeStream", st::describeStream);
        operations.put("GetShardIterator", st::getShardIterator);
        operations.put("GetRecords", st::getRecords);
    }

    boolean supports(String op) {
        return operations.containsKey(op);
    }

    /** Runs one operation; throws DynamoException for errors the client should see. */
    ObjectNode execute(String op, JsonNode request) {
        return execute(op, request, null);
    }

    /**
     * Runs one operation for the caller signed as {@code callerAccessKeyId} (null: unknown); throws
     * DynamoException for errors the client should see. With listeners, the items it changes are collected on
     * this thread and reported with the call.
     */
    ObjectNode execute(String op, JsonNode request, String callerAccessKeyId) {
        Function<JsonNode, ObjectNode> f = operations.get(op);
        if (f == null) {
            throw new DynamoException("UnknownOperationException", null, 400, null);
        }
        if (listeners.isEmpty()) {
            faults.beforeCall(op);
            return f.apply(request);
        }
        List<ItemChange> changes = new ArrayList<>();
        collecting.set(changes);
        try {
            faults.beforeCall(op);
            ObjectNode response = f.apply(request);
            tell(new EngineCall(op, tablesNamed(request), null, changes, callerAccessKeyId));
            return response;
        } catch (DynamoException e) {
            tell(new EngineCall(op, tablesNamed(request), e.code, changes, callerAccessKeyId));
            throw e;
        } finally {
            collecting.remove();
        }
    }

    /** Notes an applied item change for the call running on this thread, if listeners want it. */
    void changed(
            String table,
            Map<String, AttributeValue> keys,
            Map<String, AttributeValue> old,
            Map<String, AttributeValue> newItem,
            String streamSequenceNumber) {
        List<ItemChange> changes = collecting.get();
        if (changes == null) {
            return;
        }
        ItemChange.Kind kind = old == null
                ? ItemChange.Kind.INSERT
                : newItem == null ? ItemChange.Kind.REMOVE : ItemChange.Kind.MODIFY;
        changes.add(new ItemChange(
                table,
                kind,
                AttributeValueJson.toJson(keys).toString(),
                old == null ? null : AttributeValueJson.toJson(old).toString(),
                newItem == null ? null : AttributeValueJson.toJson(newItem).toString(),
                streamSequenceNumber));
    }

    private void tell(EngineCall call) {
        for (CallListener l : listeners) {
            try {
                l.called(call);
            } catch (RuntimeException ignored) {
                // a listener's failure must not change the client's answer
            }
        }
    }

    /** The table names a request mentions: TableName, RequestItems' keys, TransactItems' TableNames. */
    private static List<String> tablesNamed(JsonNode request) {
        Set<String> names = new LinkedHashSet<>();
        if (request.path("TableName").isTextual()) {
            names.add(request.path("TableName").asText());
        }
        request.path("RequestItems").fieldNames().forEachRemaining(names::add);
        for (JsonNode item : request.path("TransactItems")) {
            item.elements().forEachRemaining(action -> {
                if (action.path("TableName").isTextual()) {
                    names.add(action.path("TableName").asText());
                }
            });
        }
        return List.copyOf(names);
    }

    String nextSequence() {
        return Long.toString(sequence.incrementAndGet()) + "0000000000";
    }

    String peekSequence() {
        return Long.toString(sequence.get() + 1) + "0000000000";
    }

    /** Logs item changes as one record (one change, or all of a transaction); caller holds the tables' write locks. */
    void persist(List<Persistence.Change> changes) {
        Persistence p = persistence;
        if (p != null && !changes.isEmpty()) {
            p.logChanges(changes);
        }
    }

    void persistTableOp(String op, JsonNode request) {
        Persistence p = persistence;
        if (p != null) {
            p.logTableOp(op, request);
        }
    }

    Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw DynamoException.tableNotFound();
        }
        return t;
    }

    Table table(JsonNode req) {
        return table(RequestFields.tableName(req));
    }

    // ---------------------------------------------------------------- tables

    private static final Set<String> KEY_TYPES = Set.of("S", "N", "B");

    /** Provisioned read and write capacity units (both 0 for PAY_PER_REQUEST and for local indexes). */
    record Throughput(long read, long write) {
        static final Throughput NONE = new Throughput(0, 0);
    }

    ObjectNode createTable(JsonNode req) {
        String name = RequestFields.tableName(req);
        JsonNode attributeDefinitions = RequestFields.node(req, "AttributeDefinitions");
        JsonNode keySchema = RequestFields.node(req, "KeySchema");
        if (attributeDefinitions == null) {
            throw RequestFields.constraint("null", "attributeDefinitions", "Member must not be null");
        }
        if (keySchema == null) {
            throw RequestFields.constraint("null", "keySchema", "Member must not be null");
        }
        Map<String, AttributeValue.Type> types = attributeTypes(attributeDefinitions);
        TableDefinition.KeySchema key = keyDef(keySchema, "KeySchema", "keySchema");
        String billing =
                RequestFields.oneOf(req, "BillingMode", "PROVISIONED", Set.of("PROVISIONED", "PAY_PER_REQUEST"));
        Throughput throughput = throughput(req, billing, null);
        List<TableDefinition.IndexDefinition> indexes = new ArrayList<>(globalIndexes(req, key, billing));
        indexes.addAll(localIndexes(req, key, billing));
        checkIndexNamesUnique(indexes);
        checkKeyAttributesDefined(key, indexes, types);
        String viewType = streamSpec(RequestFields.node(req, "StreamSpecification"));
        String arn = "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + name;
        TableDefinition def = new TableDefinition(
                name,
                arn,
                java.util.UUID.randomUUID().toString(),
                System.currentTimeMillis() / 1000.0,
                key,
                types,
                List.copyOf(indexes),
                billing,
                throughput.read(),
                throughput.write(),
                viewType,
                null);
        Table t = register(new Table(def, this), req);
        ObjectNode out = NODES.objectNode();
        ObjectNode description = describe(t);
        description.put("TableStatus", "CREATING");
        out.set("TableDescription", description);
        return out;
    }

    private static Map<String, AttributeValue.Type> attributeTypes(JsonNode attributeDefinitions) {
        Map<String, AttributeValue.Type> types = new LinkedHashMap<>();
        int position = 1;
        for (JsonNode d : attributeDefinitions) {
            String attributeName = RequestFields.str(d, "AttributeName");
            String attributeType = RequestFields.str(d, "AttributeType");
            if (attributeName == null) {
                throw RequestFields.constraint(
                        "null",
                        "attributeDefinitions." + position + ".member.attributeName",
                        "Member must not be null");
            }
            if (attributeType == null || !KEY_TYPES.contains(attributeType)) {
                throw RequestFields.constraint(
                        attributeType == null ? "null" : "'" + attributeType + "'",
                        "attributeDefinitions." + position + ".member.attributeType",
                        "Member must satisfy enum value set: [B, N, S]");
            }
            if (types.put(attributeName, AttributeValue.Type.valueOf(attributeType)) != null) {
                throw DynamoException.invalidParams("Cannot have two attributes with the same name");
            }
            position++;
        }
        return types;
    }

    private static List<TableDefinition.IndexDefinition> globalIndexes(
            JsonNode req, TableDefinition.KeySchema key, String billing) {
        JsonNode gsis = RequestFields.node(req, "GlobalSecondaryIndexes");
        if (gsis == null) {
            return List.of();
        }
        if (gsis.size() == 0) {
            throw DynamoException.invalidParams("List of GlobalSecondaryIndexes is empty");
        }
        if (gsis.size() > 20) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of 20");
        }
        List<TableDefinition.IndexDefinition> indexes = new ArrayList<>();
        for (JsonNode g : gsis) {
            indexes.add(indexDef(g, true, key, billing));
        }
        return indexes;
    }

    private static List<TableDefinition.IndexDefinition> localIndexes(
            JsonNode req, TableDefinition.KeySchema key, String billing) {
        JsonNode lsis = RequestFields.node(req, "LocalSecondaryIndexes");
        if (lsis == null) {
            return List.of();
        }
        if (lsis.size() == 0) {
            throw DynamoException.invalidParams("List of LocalSecondaryIndexes is empty");
        }
        if (lsis.size() > 5) {
            throw DynamoException.invalidParams("Number of LocalSecondaryIndexes exceeds per-table limit of 5");
        }
        if (key.range() == null) {
            throw DynamoException.invalidParams(
                    "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
        }
        List<TableDefinition.IndexDefinition> indexes = new ArrayList<>();
        for (JsonNode l : lsis) {
            TableDefinition.IndexDefinition d = indexDef(l, false, key, billing);
            if (!d.key().hash().equals(key.hash())) {
                throw DynamoException.invalidParams(
                        "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                                + d.name() + ". index hash key: " + d.key().hash() + ", table hash key: " + key.hash());
            }
            indexes.add(d);
        }
        return indexes;
    }

    private static void checkIndexNamesUnique(List<TableDefinition.IndexDefinition> indexes) {
        Set<String> names = new java.util.HashSet<>();
        for (TableDefinition.IndexDefinition d : indexes) {
            if (!names.add(d.name())) {
                throw DynamoException.invalidParams("Duplicate index name: " + d.name());
            }
        }
    }

    /** Every key attribute of the table and its indexes is defined, and no other attribute is. */
    private static void checkKeyAttributesDefined(
            TableDefinition.KeySchema key,
            List<TableDefinition.IndexDefinition> indexes,
            Map<String, AttributeValue.Type> types) {
        Set<String> used = new java.util.LinkedHashSet<>(key.attributes());
        for (TableDefinition.IndexDefinition d : indexes) {
            used.addAll(d.key().attributes());
        }
        for (String u : used) {
            if (!types.containsKey(u)) {
                throw DynamoException.invalidParams(
                        "Some index key attributes are not defined in AttributeDefinitions. Keys: "
                                + new ArrayList<>(used) + ", AttributeDefinitions: " + new ArrayList<>(types.keySet()));
            }
        }
        if (used.size() != types.size()) {
            throw DynamoException.invalidParams(
                    "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
    }

    /** Adds a new table to the catalogue (and its stream to the stream catalogue), logging the request. */
    private Table register(Table t, JsonNode createRequest) {
        synchronized (tables) {
            if (tables.putIfAbsent(t.def.name(), t) != null) {
                throw DynamoException.inUse("Table already exists: " + t.def.name());
            }
            if (t.currentStream != null) {
                streams.put(t.currentStream.arn, t.currentStream);
            }
            persistTableOp("CreateTable", createRequest);
        }
        return t;
    }

    private static TableDefinition.KeySchema keyDef(JsonNode keySchema, String what, String field) {
        if (keySchema.size() == 0) {
            throw RequestFields.constraint("[]", field, "Member must have length greater than or equal to 1");
        }
        if (keySchema.size() > 2) {
            throw RequestFields.constraint(
                    keySchema.toString(), field, "Member must have length less than or equal to 2");
        }
        String hash = RequestFields.str(keySchema.get(0), "AttributeName");
        String hashType = RequestFields.str(keySchema.get(0), "KeyType");
        if (hash == null || hashType == null) {
            throw RequestFields.constraint("null", field + ".1.member.attributeName", "Member must not be null");
        }
        if (!hashType.equals("HASH")) {
            throw DynamoException.validation(
                    "Invalid " + what + ": The first " + what + "Element is not a HASH key type");
        }
        String range = null;
        if (keySchema.size() == 2) {
            range = RequestFields.str(keySchema.get(1), "AttributeName");
            String rt = RequestFields.str(keySchema.get(1), "KeyType");
            if (range == null || rt == null) {
                throw RequestFields.constraint("null", field + ".2.member.attributeName", "Member must not be null");
            }
            if (!rt.equals("RANGE")) {
                throw DynamoException.validation(
                        "Invalid " + what + ": The second " + what + "Element is not a RANGE key type");
            }
            if (range.equals(hash)) {
                throw DynamoException.validation("Invalid " + what
                        + ": Both the Hash Key and the Range Key element in the " + what + " have the same name");
            }
        }
        return new TableDefinition.KeySchema(hash, range);
    }

    private static Throughput throughput(JsonNode req, String billing, String indexName) {
        JsonNode pt = RequestFields.node(req, "ProvisionedThroughput");
        if (billing.equals("PAY_PER_REQUEST")) {
            if (pt != null) {
                throw DynamoException.invalidParams(
                        "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            return Throughput.NONE;
        }
        if (pt == null
                || RequestFields.node(pt, "ReadCapacityUnits") == null
                || RequestFields.node(pt, "WriteCapacityUnits") == null) {
            if (indexName != null) {
                throw DynamoException.invalidParams("ProvisionedThroughput is not specified for index: " + indexName);
            }
            throw DynamoException.invalidParams(
                    "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        long r = pt.get("ReadCapacityUnits").asLong(),
                w = pt.get("WriteCapacityUnits").asLong();
        if (r < 1) {
            throw RequestFields.constraint(
                    "'" + r + "'",
                    "provisionedThroughput.readCapacityUnits",
                    "Member must have value greater than or equal to 1");
        }
        if (w < 1) {
            throw RequestFields.constraint(
                    "'" + w + "'",
                    "provisionedThroughput.writeCapacityUnits",
                    "Member must have value greater than or equal to 1");
        }
        return new Throughput(r, w);
    }

    private static TableDefinition.IndexDefinition indexDef(
            JsonNode g, boolean global, TableDefinition.KeySchema tableKey, String billing) {
        String name = RequestFields.str(g, "IndexName");
        String kind = global ? "globalSecondaryIndexes" : "localSecondaryIndexes";
        if (name == null) {
            throw RequestFields.constraint("null", kind + ".1.member.indexName", "Member must not be null");
        }
        if (name.length() < 3) {
            throw RequestFields.constraint(
                    "'" + name + "'",
                    kind + ".1.member.indexName",
                    "Member must have length greater than or equal to 3");
        }
        JsonNode ks = RequestFields.node(g, "KeySchema");
        if (ks == null) {
            throw RequestFields.constraint("null", kind + ".1.member.keySchema", "Member must not be null");
        }
        TableDefinition.KeySchema key = keyDef(ks, "KeySchema", kind + ".1.member.keySchema");
        if (!global && key.range() == null) {
            throw DynamoException.invalidParams("Index KeySchema does not have a range key for index: " + name);
        }
        JsonNode proj = RequestFields.node(g, "Projection");
        if (proj == null) {
            throw RequestFields.constraint("null", kind + ".1.member.projection", "Member must not be null");
        }
        String type = RequestFields.str(proj, "ProjectionType");
        if (type == null || !Set.of("ALL", "KEYS_ONLY", "INCLUDE").contains(type)) {
            throw DynamoException.invalidParams("Unknown ProjectionType: " + type);
        }
        List<String> nonKey = new ArrayList<>();
        JsonNode nk = RequestFields.node(proj, "NonKeyAttributes");
        if (nk != null) {
            if (!type.equals("INCLUDE")) {
                throw DynamoException.invalidParams(
                        "ProjectionType is " + type + ", but NonKeyAttributes is specified");
            }
            for (JsonNode a : nk) {
                nonKey.add(a.asText());
            }
        } else if (type.equals("INCLUDE")) {
            throw DynamoException.invalidParams("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
        }
        Throughput throughput = global ? throughput(g, billing, name) : Throughput.NONE;
        return new TableDefinition.IndexDefinition(
                name, global, key, type, List.copyOf(nonKey), throughput.read(), throughput.write());
    }

    private static String streamSpec(JsonNode spec) {
        if (spec == null) {
            return null;
        }
        JsonNode enabled = RequestFields.node(spec, "StreamEnabled");
        String viewType = RequestFields.str(spec, "StreamViewType");
        if (enabled == null) {
            throw RequestFields.constraint("null", "streamSpecification.streamEnabled", "Member must not be null");
        }
        if (!enabled.asBoolean()) {
            if (viewType != null) {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: StreamViewType cannot be specified when StreamEnabled is false");
            }
            return null;
        }
        if (viewType == null) {
            throw DynamoException.validation(
                    "One or more parameter values were invalid: You must specify a StreamViewType when enabling a stream");
        }
        if (!Set.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES").contains(viewType)) {
            throw RequestFields.constraint(
                    "'" + viewType + "'",
                    "streamSpecification.streamViewType",
                    "Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
        }
        return viewType;
    }

    ObjectNode describeTable(JsonNode req) {
        String name = RequestFields.tableName(req);
        Table t = tables.get(name);
        if (t == null) {
            throw DynamoException.notFound("Requested resource not found: Table: " + name + " not found");
        }
        ObjectNode out = NODES.objectNode();
        t.lock.readLock().lock();
        try {
            out.set("Table", describe(t));
        } finally {
            t.lock.readLock().unlock();
        }
        return out;
    }

    ObjectNode describe(Table t) {
        TableDefinition def = t.def;
        ObjectNode d = NODES.objectNode();
        ArrayNode ad = d.putArray("AttributeDefinitions");
        def.attributeTypes()
                .forEach((k, v) -> ad.addObject().put("AttributeName", k).put("AttributeType", v.name()));
        d.put("TableName", def.name());
        d.set("KeySchema", keySchemaJson(def.key()));
        d.put("TableStatus", "ACTIVE");
        d.put("CreationDateTime", def.created());
        d.set("ProvisionedThroughput", throughputJson(def.readCapacity(), def.writeCapacity()));
        d.put("TableSizeBytes", t.items.bytes);
        d.put("ItemCount", t.items.count);
        d.put("TableArn", def.arn());
        d.put("TableId", def.tableId());
        if (def.billingMode().equals("PAY_PER_REQUEST")) {
            d.putObject("BillingModeSummary")
                    .put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", def.created());
        }
        ArrayNode gsis = NODES.arrayNode(), lsis = NODES.arrayNode();
        for (TableDefinition.IndexDefinition x : def.indexes()) {
            ObjectNode o = (x.global() ? gsis : lsis).addObject();
            o.put("IndexName", x.name());
            o.set("KeySchema", keySchemaJson(x.key()));
            ObjectNode p = o.putObject("Projection").put("ProjectionType", x.projectionType());
            if (!x.nonKeyAttributes().isEmpty()) {
                ArrayNode nk = p.putArray("NonKeyAttributes");
                x.nonKeyAttributes().forEach(nk::add);
            }
            ItemStore s = t.indexes.get(x.name());
            if (x.global()) {
                o.put("IndexStatus", "ACTIVE");
                o.set("ProvisionedThroughput", throughputJson(x.readCapacity(), x.writeCapacity()));
            }
            o.put("IndexSizeBytes", s == null ? 0 : s.bytes);
            o.put("ItemCount", s == null ? 0 : s.count);
            o.put("IndexArn", def.arn() + "/index/" + x.name());
        }
        if (!gsis.isEmpty()) {
            d.set("GlobalSecondaryIndexes", gsis);
        }
        if (!lsis.isEmpty()) {
            d.set("LocalSecondaryIndexes", lsis);
        }
        StreamLog s = t.currentStream;
        if (s != null) {
            d.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", s.viewType);
        }
        if (!t.streams.isEmpty()) {
            StreamLog latest = t.streams.get(t.streams.size() - 1);
            d.put("LatestStreamLabel", latest.label);
            d.put("LatestStreamArn", latest.arn);
        }
        d.put("DeletionProtectionEnabled", false);
        return d;
    }

    static ArrayNode keySchemaJson(TableDefinition.KeySchema k) {
        ArrayNode a = NODES.arrayNode();
        a.addObject().put("AttributeName", k.hash()).put("KeyType", "HASH");
        if (k.range() != null) {
            a.addObject().put("AttributeName", k.range()).put("KeyType", "RANGE");
        }
        return a;
    }

    private static ObjectNode throughputJson(long r, long w) {
        return NODES.objectNode()
                .put("NumberOfDecreasesToday", 0)
                .put("ReadCapacityUnits", r)
                .put("WriteCapacityUnits", w);
    }

    ObjectNode listTables(JsonNode req) {
        Integer limit = RequestFields.intField(req, "Limit", 1, 100);
        String start = RequestFields.str(req, "ExclusiveStartTableName");
        if (start != null) {
            RequestFields.tableName(start, "exclusiveStartTableName");
        }
        TreeMap<String, Table> sorted = new TreeMap<>(tables);
        List<String> names = new ArrayList<>((start == null ? sorted : sorted.tailMap(start, false)).keySet());
        int n = limit == null ? 100 : limit;
        ObjectNode out = NODES.objectNode();
        ArrayNode arr = out.putArray("TableNames");
        for (int i = 0; i < Math.min(n, names.size()); i++) {
            arr.add(names.get(i));
        }
        if (names.size() > n) {
            out.put("LastEvaluatedTableName", names.get(n - 1));
        }
        return out;
    }

    ObjectNode deleteTable(JsonNode req) {
        String name = RequestFields.tableName(req);
        Table t;
        synchronized (tables) {
            t = tables.get(name);
            if (t == null) {
                throw DynamoException.notFound("Requested resource not found: Table: " + name + " not found");
            }
            t.lock.writeLock().lock();
            try {
                tables.remove(name);
                t.deleted = true;
                t.stopStream();
                persistTableOp("DeleteTable", req);
            } finally {
                t.lock.writeLock().unlock();
            }
        }
        ObjectNode d = describe(t);
        d.put("TableStatus", "DELETING");
        return NODES.objectNode().set("TableDescription", d);
    }

    /** What one UpdateTable request changes: the new definition and the indexes it creates (to backfill). */
    private record TableUpdate(
            TableDefinition definition, List<TableDefinition.IndexDefinition> createdIndexes, boolean streamChanged) {}

    /** The indexes after GlobalSecondaryIndexUpdates, and those of them that are new. */
    private record IndexChanges(
            List<TableDefinition.IndexDefinition> indexes, List<TableDefinition.IndexDefinition> created) {}

    ObjectNode updateTable(JsonNode req) {
        Table t = table(RequestFields.tableName(req));
        t.lock.writeLock().lock();
        try {
            TableUpdate update = planTableUpdate(req, t);
            applyTableUpdate(t, update);
            persistTableOp("UpdateTable", req);
            return NODES.objectNode().set("TableDescription", describe(t));
        } finally {
            t.lock.writeLock().unlock();
        }
    }

    /** Validates an UpdateTable request against the table (caller holds its write lock) without changing anything. */
    private static TableUpdate planTableUpdate(JsonNode req, Table t) {
        TableDefinition def = t.def;
        boolean changed = false;
        String billing =
                RequestFields.oneOf(req, "BillingMode", def.billingMode(), Set.of("PROVISIONED", "PAY_PER_REQUEST"));
        Map<String, AttributeValue.Type> types = updatedAttributeTypes(req, def);
        if (RequestFields.node(req, "ProvisionedThroughput") != null || !billing.equals(def.billingMode())) {
            Throughput throughput = throughput(req, billing, null);
            def = def.withBilling(billing, throughput.read(), throughput.write());
            changed = true;
        }
        List<TableDefinition.IndexDefinition> created = List.of();
        JsonNode updates = RequestFields.node(req, "GlobalSecondaryIndexUpdates");
        if (updates != null) {
            IndexChanges changes = indexChanges(updates, def, types, billing);
            def = def.withIndexes(List.copyOf(changes.indexes()), types);
            created = changes.created();
            changed = true;
        }
        JsonNode spec = RequestFields.node(req, "StreamSpecification");
        if (spec != null) {
            String viewType = streamSpec(spec);
            if (viewType != null && t.currentStream != null) {
                throw DynamoException.validation("Table already has an enabled stream: TableName: " + def.name());
            }
            if (viewType == null && t.currentStream == null) {
                throw DynamoException.validation("Table already has no stream enabled: TableName: " + def.name());
            }
            def = def.withStream(viewType);
            changed = true;
        }
        if (!changed) {
            throw DynamoException.validation(
                    "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
        }
        return new TableUpdate(def, created, spec != null);
    }

    /** The table's attribute types plus those the request's AttributeDefinitions add (for new index keys). */
    private static Map<String, AttributeValue.Type> updatedAttributeTypes(JsonNode req, TableDefinition def) {
        Map<String, AttributeValue.Type> types = new LinkedHashMap<>(def.attributeTypes());
        JsonNode attributeDefinitions = RequestFields.node(req, "AttributeDefinitions");
        if (attributeDefinitions == null) {
            return types;
        }
        for (JsonNode d : attributeDefinitions) {
            String attributeType = RequestFields.str(d, "AttributeType");
            if (attributeType == null || !KEY_TYPES.contains(attributeType)) {
                throw RequestFields.constraint(
                        "'" + attributeType + "'",
                        "attributeDefinitions.1.member.attributeType",
                        "Member must satisfy enum value set: [B, N, S]");
            }
            types.put(RequestFields.str(d, "AttributeName"), AttributeValue.Type.valueOf(attributeType));
        }
        return types;
    }

    private static IndexChanges indexChanges(
            JsonNode updates, TableDefinition def, Map<String, AttributeValue.Type> types, String billing) {
        List<TableDefinition.IndexDefinition> indexes = new ArrayList<>(def.indexes());
        List<TableDefinition.IndexDefinition> created = new ArrayList<>();
        for (JsonNode u : updates) {
            if (RequestFields.node(u, "Create") != null) {
                TableDefinition.IndexDefinition d = indexDef(u.get("Create"), true, def.key(), billing);
                if (def.index(d.name()) != null) {
                    throw DynamoException.validation("One or more parameter values were invalid: Index with name "
                            + d.name() + " already exists");
                }
                for (String k : d.key().attributes()) {
                    if (!types.containsKey(k)) {
                        throw DynamoException.invalidParams(
                                "Some index key attributes are not defined in AttributeDefinitions. Keys: [" + k
                                        + "], AttributeDefinitions: " + new ArrayList<>(types.keySet()));
                    }
                }
                indexes.add(d);
                created.add(d);
            } else if (RequestFields.node(u, "Delete") != null) {
                String name = RequestFields.str(u.get("Delete"), "IndexName");
                TableDefinition.IndexDefinition d = def.index(name);
                if (d == null || !d.global()) {
                    throw DynamoException.notFound("Requested resource not found: Index: " + name + " not found");
                }
                indexes.remove(d);
            } else if (RequestFields.node(u, "Update") != null) {
                String name = RequestFields.str(u.get("Update"), "IndexName");
                if (def.index(name) == null) {
                    throw DynamoException.notFound("Requested resource not found: Index: " + name + " not found");
                }
            } else {
                throw DynamoException.validation(
                        "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Create, Update or Delete must be specified");
            }
        }
        return new IndexChanges(indexes, created);
    }

    /** Installs a planned update: the new definition, dropped and backfilled indexes, the stream switched. */
    private void applyTableUpdate(Table t, TableUpdate update) {
        TableDefinition old = t.def;
        TableDefinition def = update.definition();
        t.def = def;
        for (TableDefinition.IndexDefinition d : old.indexes()) {
            if (def.index(d.name()) == null) {
                t.indexes.remove(d.name());
            }
        }
        for (TableDefinition.IndexDefinition d : update.createdIndexes()) {
            t.rebuildIndex(d);
        }
        if (update.streamChanged()) {
            if (def.streamViewType() != null) {
                t.startStream(def.streamViewType());
                streams.put(t.currentStream.arn, t.currentStream);
            } else {
                t.stopStream();
            }
        }
    }

    ObjectNode updateTimeToLive(JsonNode req) {
        Table t = table(RequestFields.tableName(req));
        JsonNode spec = RequestFields.node(req, "TimeToLiveSpecification");
        if (spec == null) {
            throw RequestFields.constraint("null", "timeToLiveSpecification", "Member must not be null");
        }
        String attr = RequestFields.str(spec, "AttributeName");
        JsonNode enabled = RequestFields.node(spec, "Enabled");
        if (attr == null || attr.isEmpty()) {
            throw RequestFields.constraint("null", "timeToLiveSpecification.attributeName", "Member must not be null");
        }
        if (enabled == null) {
            throw RequestFields.constraint("null", "timeToLiveSpecification.enabled", "Member must not be null");
        }
        t.lock.writeLock().lock();
        try {
            String current = t.def.ttlAttribute();
            if (enabled.asBoolean()) {
                if (current != null) {
                    throw DynamoException.validation("TimeToLive is already enabled");
                }
                t.def = t.def.withTtl(attr);
            } else {
                if (current == null) {
                    throw DynamoException.validation("TimeToLive is already disabled");
                }
                if (!current.equals(attr)) {
                    throw DynamoException.validation(
                            "TimeToLive is active on a different AttributeName: current AttributeName is " + current);
                }
                t.def = t.def.withTtl(null);
            }
            persistTableOp("UpdateTimeToLive", req);
        } finally {
            t.lock.writeLock().unlock();
        }
        ObjectNode out = NODES.objectNode();
        out.putObject("TimeToLiveSpecification").put("AttributeName", attr).put("Enabled", enabled.asBoolean());
        return out;
    }

    ObjectNode describeTimeToLive(JsonNode req) {
        Table t = table(RequestFields.tableName(req));
        ObjectNode out = NODES.objectNode();
        ObjectNode d = out.putObject("TimeToLiveDescription");
        String attr = t.def.ttlAttribute();
        if (attr == null) {
            d.put("TimeToLiveStatus", "DISABLED");
        } else {
            d.put("TimeToLiveStatus", "ENABLED").put("AttributeName", attr);
        }
        return out;
    }

    /** Deletes every item whose TTL attribute lies in the past (at most five years back), emitting service REMOVE records. */
    int sweepExpired(long nowEpochSeconds) {
        int removed = 0;
        for (Table t : tables.values()) {
            String attr = t.def.ttlAttribute();
            if (attr == null) {
                continue;
            }
            t.lock.writeLock().lock();
            try {
                List<Map<String, AttributeValue>> expired = new ArrayList<>();
                t.items
                        .partitions
                        .values()
                        .forEach(p -> p.values().forEach(item -> {
                            AttributeValue v = item.get(attr);
                            if (v != null && v.type == AttributeValue.Type.N) {
                                java.math.BigDecimal ttl = v.n();
                                if (ttl.compareTo(java.math.BigDecimal.valueOf(nowEpochSeconds)) < 0
                                        && ttl.compareTo(java.math.BigDecimal.valueOf(
                                                        nowEpochSeconds - 5L * 365 * 24 * 3600))
                                                > 0) {
                                    expired.add(item);
                                }
                            }
                        }));
                for (Map<String, AttributeValue> item : expired) {
                    t.write(item, null, true);
                }
                removed += expired.size();
            } finally {
                t.lock.writeLock().unlock();
            }
        }
        return removed;
    }

    // ---------------------------------------------------------------- shared item helpers

    /** Validates a key given in a request (GetItem, DeleteItem, UpdateItem, ...) against the table's key schema. */
    Map<String, AttributeValue> key(TableDefinition def, JsonNode keyNode) {
        if (keyNode == null) {
            throw RequestFields.constraint("null", "key", "Member must not be null");
        }
        Map<String, AttributeValue> k = AttributeValueJson.item(keyNode);
        int want = def.key().range() == null ? 1 : 2;
        if (k.size() != want) {
            throw DynamoException.validation("The provided key element does not match the schema");
        }
        for (String attr : new String[] {def.key().hash(), def.key().range()}) {
            if (attr == null) {
                continue;
            }
            AttributeValue v = k.get(attr);
            if (v == null || v.type != def.attributeTypes().get(attr)) {
                throw DynamoException.validation("The provided key element does not match the schema");
            }
            checkKeyValue(attr, v);
        }
        Map<String, AttributeValue> ordered = new LinkedHashMap<>();
        ordered.put(def.key().hash(), k.get(def.key().hash()));
        if (def.key().range() != null) {
            ordered.put(def.key().range(), k.get(def.key().range()));
        }
        return ordered;
    }

    private static void checkKeyValue(String attr, AttributeValue v) {
        if ((v.type == AttributeValue.Type.S && v.s().isEmpty())
                || (v.type == AttributeValue.Type.B && v.b().bytes().length == 0)) {
            throw DynamoException.validation(
                    "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty "
                            + (v.type == AttributeValue.Type.S ? "string" : "binary") + " value. Key: " + attr);
        }
    }

    /** Validates a whole item for writing: key attributes, index key types, sizes. */
    void validateItem(TableDefinition def, Map<String, AttributeValue> item, boolean update) {
        for (String attr : new String[] {def.key().hash(), def.key().range()}) {
            if (attr == null) {
                continue;
            }
            AttributeValue v = item.get(attr);
            if (v == null) {
                throw DynamoException.invalidParams("Missing the key " + attr + " in the item");
            }
            AttributeValue.Type want = def.attributeTypes().get(attr);
            if (v.type != want) {
                throw DynamoException.invalidParams(
                        "Type mismatch for key " + attr + " expected: " + want + " actual: " + v.type);
            }
            checkKeyValue(attr, v);
        }
        AttributeValue hv = item.get(def.key().hash());
        if (keySize(hv) > 2048) {
            throw DynamoException.invalidParams("Size of hashkey has exceeded the maximum size limit of2048 bytes");
        }
        if (def.key().range() != null && keySize(item.get(def.key().range())) > 1024) {
            throw DynamoException.invalidParams(
                    "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
        for (TableDefinition.IndexDefinition x : def.indexes()) {
            for (String attr : new String[] {x.key().hash(), x.key().range()}) {
                if (attr == null) {
                    continue;
                }
                AttributeValue v = item.get(attr);
                if (v == null) {
                    continue;
                }
                AttributeValue.Type want = def.attributeTypes().get(attr);
                if (v.type != want) {
                    throw DynamoException.invalidParams("Type mismatch for Index Key " + attr + " Expected: " + want
                            + " Actual: " + v.type + " IndexName: " + x.name());
                }
                if ((v.type == AttributeValue.Type.S && v.s().isEmpty())
                        || (v.type == AttributeValue.Type.B && v.b().bytes().length == 0)) {
                    throw DynamoException.validation(
                            "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
                                    + (v.type == AttributeValue.Type.S ? "string" : "binary") + " value. IndexName: "
                                    + x.name() + ", IndexKey: " + attr);
                }
            }
        }
        if (AttributeValue.itemSize(item) > MAX_ITEM_SIZE) {
            throw DynamoException.validation(
                    update
                            ? "Item size to update has exceeded the maximum allowed size"
                            : "Item size has exceeded the maximum allowed size");
        }
    }

    private static int keySize(AttributeValue v) {
        return v.type == AttributeValue.Type.S
                ? AttributeValue.utf8Length(v.s())
                : v.type == AttributeValue.Type.B ? v.b().bytes().length : v.size();
    }

    /** Locks the tables for writing in name order (deadlock-free); returns them in that order. */
    static List<Table> lockAll(java.util.Collection<Table> ts, boolean write) {
        List<Table> sorted = new ArrayList<>(new java.util.LinkedHashSet<>(ts));
        sorted.sort((a, b) -> a.def.name().compareTo(b.def.name()));
        for (Table t : sorted) {
            (write ? t.lock.writeLock() : t.lock.readLock()).lock();
        }
        return sorted;
    }

    static void unlockAll(List<Table> ts, boolean write) {
        for (int i = ts.size() - 1; i >= 0; i--) {
            (write ? ts.get(i).lock.writeLock() : ts.get(i).lock.readLock()).unlock();
        }
    }
}
