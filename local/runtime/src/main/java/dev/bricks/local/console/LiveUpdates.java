package dev.bricks.local.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Live updates as server-sent events ({@code GET /_bricks/api/stream}): what changed, batched at most every
 * {@link #BATCH} (one {@code update} event with the changed trace ids and the number of new log lines), a
 * comment every {@link #HEARTBEAT} to keep the connection alive. At most {@link DevConsole#MAX_STREAMS} at once.
 * Thread-safe.
 */
final class LiveUpdates implements AutoCloseable {

    static final Duration BATCH = Duration.ofMillis(200);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int QUEUE = 10_000;

    private final ConsoleRecorder recorder;
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closed;

    LiveUpdates(ConsoleRecorder recorder) {
        this.recorder = recorder;
    }

    void serve(HttpExchange ex) throws IOException {
        if (open.incrementAndGet() > DevConsole.MAX_STREAMS) {
            open.decrementAndGet();
            Replies.problem(ex, 503, "Too many live consoles open (at most " + DevConsole.MAX_STREAMS + ")");
            return;
        }
        BlockingQueue<ObjectNode> queue = new ArrayBlockingQueue<>(QUEUE);
        AtomicInteger overflow = new AtomicInteger();
        Consumer<ObjectNode> listener = u -> {
            if (!queue.offer(u)) {
                overflow.incrementAndGet();
            }
        };
        recorder.subscribe(listener);
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            write(out, "retry: 1000\n: bricks-local console\n\n");
            long lastWrite = System.nanoTime();
            while (!closed) {
                ObjectNode first = queue.poll(BATCH.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (System.nanoTime() - lastWrite > HEARTBEAT.toNanos()) {
                        write(out, ": ping\n\n");
                        lastWrite = System.nanoTime();
                    }
                    continue;
                }
                Thread.sleep(BATCH.toMillis());
                List<ObjectNode> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch);
                write(
                        out,
                        "event: update\ndata: "
                                + Redaction.JSON.writeValueAsString(summary(batch, overflow.getAndSet(0))) + "\n\n");
                lastWrite = System.nanoTime();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            recorder.unsubscribe(listener);
            open.decrementAndGet();
        }
    }

    private static ObjectNode summary(List<ObjectNode> batch, int lost) {
        ObjectNode n = Redaction.JSON.createObjectNode();
        ArrayNode traces = n.putArray("traces");
        int logs = 0;
        List<String> seen = new ArrayList<>();
        for (ObjectNode u : batch) {
            if (u.path("type").asText().equals("trace")) {
                String id = u.path("id").asText();
                if (!seen.contains(id)) {
                    seen.add(id);
                    traces.add(id);
                }
            } else {
                logs++;
                String c = u.path("correlationId").asText(null);
                if (c != null && !seen.contains(c)) {
                    seen.add(c);
                    traces.add(c);
                }
            }
        }
        n.put("logLines", logs);
        n.put("lost", lost);
        return n;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
    }
}
