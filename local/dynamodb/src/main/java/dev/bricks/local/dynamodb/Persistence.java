package dev.bricks.local.dynamodb;

import static dev.bricks.local.dynamodb.AttributeValueJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Optional persistence: {@code snapshot.jsonl} (written on clean shutdown) plus {@code log.jsonl}, an append-only log
 * of every acknowledged change, written to the operating system before the response is sent. A crash of the JVM
 * loses nothing acknowledged; a crash of the machine may lose log lines the OS had not yet written to disk. A torn
 * last line is ignored on recovery. Stream records are not persisted.
 */
final class Persistence {
    private final Path dir;
    private BufferedWriter log;

    Persistence(Path dir) {
        this.dir = dir;
    }

    /** One item change as the log records it: the whole new item for a put, the key for a delete. */
    record Change(String table, Map<String, AttributeValue> itemOrKey, boolean put) {}

    /** Loads snapshot and log into the engine, cuts a torn last log record off, then opens the log for appending. */
    void recover(Engine engine) throws IOException {
        Files.createDirectories(dir);
        replay(dir.resolve("snapshot.jsonl"), engine);
        Path logFile = dir.resolve("log.jsonl");
        long complete = replay(logFile, engine);
        if (Files.exists(logFile) && Files.size(logFile) != complete) {
            try (FileChannel c = FileChannel.open(logFile, StandardOpenOption.WRITE)) {
                c.truncate(complete); // later appends must not follow a torn record
            }
        }
        log = Files.newBufferedWriter(
                logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Applies every complete record of a file and returns the length of the complete part. Each record is one JSON
     * line ending in a newline; a last record without its newline was torn by a crash mid-write and is discarded (a
     * record is written with one write call, so a torn one is always the last). A bad record before the last is
     * corruption and fails the start.
     */
    private static long replay(Path file, Engine engine) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        int line = 1;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            if (end < 0) {
                return start; // torn last record
            }
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                JsonNode n;
                try {
                    n = JsonProtocol.MAPPER.readTree(text);
                } catch (IOException e) {
                    throw new IOException("corrupt persistence file " + file + " at line " + line, e);
                }
                apply(n, engine);
            }
            start = end + 1;
            line++;
        }
        return start;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static void apply(JsonNode n, Engine engine) {
        String op = n.get("op").asText();
        switch (op) {
            case "Put", "Delete" -> applyChange(n, engine);
            case "Transaction" -> applyTransaction(n.get("writes"), engine);
            default -> {
                try {
                    engine.execute(op, n.get("req"));
                } catch (DynamoException alreadyApplied) {
                    // a crash between writing the snapshot and emptying the log replays table operations the
                    // snapshot already holds (table exists, TTL already enabled, ...): the state is already right
                }
            }
        }
    }

    private static void applyTransaction(JsonNode writes, Engine engine) {
        for (JsonNode w : writes) {
            applyChange(w, engine);
        }
    }

    private static void applyChange(JsonNode n, Engine engine) {
        Table t = engine.tables.get(n.get("table").asText());
        if (t == null) {
            return;
        }
        Map<String, AttributeValue> item = AttributeValueJson.item(n.get("item"));
        t.lock.writeLock().lock();
        try {
            Map<String, AttributeValue> old = t.get(t.keyOf(item));
            t.applyUnlogged(old, n.get("op").asText().equals("Put") ? item : null, false);
        } finally {
            t.lock.writeLock().unlock();
        }
    }

    /** Appends one record: a single change, or every change of a transaction (so a crash replays all or none). */
    synchronized void logChanges(List<Change> changes) {
        if (changes.size() == 1) {
            append(changeJson(changes.get(0)));
            return;
        }
        ObjectNode o = NODES.objectNode().put("op", "Transaction");
        ArrayNode writes = o.putArray("writes");
        for (Change c : changes) {
            writes.add(changeJson(c));
        }
        append(o);
    }

    private static ObjectNode changeJson(Change c) {
        ObjectNode o = NODES.objectNode().put("op", c.put() ? "Put" : "Delete").put("table", c.table());
        o.set("item", AttributeValueJson.toJson(c.itemOrKey()));
        return o;
    }

    synchronized void logTableOp(String op, JsonNode request) {
        ObjectNode o = NODES.objectNode().put("op", op);
        o.set("req", request);
        append(o);
    }

    private void append(ObjectNode o) {
        if (log == null) {
            return;
        }
        try {
            log.write(JsonProtocol.MAPPER.writeValueAsString(o) + "\n"); // one write: a crash tears at most this record
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write persistence log in " + dir, e);
        }
    }

    /** Writes a fresh snapshot (atomically), forces it to disk and empties the log. */
    synchronized void snapshot(Engine engine) throws IOException {
        Path tmp = dir.resolve("snapshot.jsonl.tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (Table t : engine.tables.values()) {
                t.lock.readLock().lock();
                try {
                    line(w, NODES.objectNode().put("op", "CreateTable").set("req", createRequest(t.def)));
                    if (t.def.ttlAttribute() != null) {
                        ObjectNode req = NODES.objectNode().put("TableName", t.def.name());
                        req.putObject("TimeToLiveSpecification")
                                .put("AttributeName", t.def.ttlAttribute())
                                .put("Enabled", true);
                        line(w, NODES.objectNode().put("op", "UpdateTimeToLive").set("req", req));
                    }
                    for (var p : t.items.partitions.values()) {
                        for (Map<String, AttributeValue> item : p.values()) {
                            ObjectNode o = NODES.objectNode().put("op", "Put").put("table", t.def.name());
                            o.set("item", AttributeValueJson.toJson(item));
                            line(w, o);
                        }
                    }
                } finally {
                    t.lock.readLock().unlock();
                }
            }
        }
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            c.force(true);
        }
        Files.move(
                tmp,
                dir.resolve("snapshot.jsonl"),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        if (log != null) {
            log.close();
        }
        log = Files.newBufferedWriter(
                dir.resolve("log.jsonl"),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    synchronized void close() throws IOException {
        if (log != null) {
            log.close();
            log = null;
        }
    }

    private static void line(BufferedWriter w, ObjectNode o) throws IOException {
        w.write(JsonProtocol.MAPPER.writeValueAsString(o));
        w.write('\n');
    }

    private static ObjectNode createRequest(TableDefinition def) {
        ObjectNode r = NODES.objectNode().put("TableName", def.name());
        ArrayNode ad = r.putArray("AttributeDefinitions");
        def.attributeTypes()
                .forEach((k, v) -> ad.addObject().put("AttributeName", k).put("AttributeType", v.name()));
        r.set("KeySchema", Engine.keySchemaJson(def.key()));
        r.put("BillingMode", def.billingMode());
        if (def.billingMode().equals("PROVISIONED")) {
            r.putObject("ProvisionedThroughput")
                    .put("ReadCapacityUnits", def.readCapacity())
                    .put("WriteCapacityUnits", def.writeCapacity());
        }
        ArrayNode gsis = NODES.arrayNode(), lsis = NODES.arrayNode();
        for (TableDefinition.IndexDefinition x : def.indexes()) {
            ObjectNode o = (x.global() ? gsis : lsis).addObject().put("IndexName", x.name());
            o.set("KeySchema", Engine.keySchemaJson(x.key()));
            ObjectNode p = o.putObject("Projection").put("ProjectionType", x.projectionType());
            if (!x.nonKeyAttributes().isEmpty()) {
                ArrayNode nk = p.putArray("NonKeyAttributes");
                x.nonKeyAttributes().forEach(nk::add);
            }
            if (x.global() && def.billingMode().equals("PROVISIONED")) {
                o.putObject("ProvisionedThroughput")
                        .put("ReadCapacityUnits", x.readCapacity())
                        .put("WriteCapacityUnits", x.writeCapacity());
            }
        }
        if (!gsis.isEmpty()) {
            r.set("GlobalSecondaryIndexes", gsis);
        }
        if (!lsis.isEmpty()) {
            r.set("LocalSecondaryIndexes", lsis);
        }
        if (def.streamViewType() != null) {
            r.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", def.streamViewType());
        }
        return r;
    }
}
