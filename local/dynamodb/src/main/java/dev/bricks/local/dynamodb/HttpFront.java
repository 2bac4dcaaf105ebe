package dev.bricks.local.dynamodb;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP side: DynamoDB's JSON 1.0 protocol ({@code X-Amz-Target: DynamoDB_20120810.<Op>} and
 * {@code DynamoDBStreams_20120810.<Op>}) over a small blocking HTTP/1.1 server: one thread per client connection,
 * keep-alive, Content-Length or chunked request bodies, {@code Expect: 100-continue}, each response written in one
 * piece with TCP_NODELAY (so no response waits for a delayed ACK, whatever else runs in the JVM).
 */
final class HttpFront {
    /** DynamoDB's largest request (BatchWriteItem) is 16 MB. */
    static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int IDLE_TIMEOUT_MILLIS = 120_000;
    /** How long, and how much, to read of a request already answered with an error before closing (see drainBeforeClose). */
    private static final int DRAIN_TIMEOUT_MILLIS = 2_000;

    private static final long MAX_DRAIN_BYTES = 4L * MAX_REQUEST_BYTES;

    private final ServerSocket server;
    private final ExecutorService pool;
    private final Semaphore connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final JsonProtocol protocol;
    private final Thread acceptor;
    private final AtomicLong served = new AtomicLong();
    private volatile boolean stopping;

    HttpFront(JsonProtocol protocol, InetSocketAddress address, int maxConnections) throws IOException {
        this.protocol = protocol;
        this.connections = new Semaphore(maxConnections);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-dynamodb-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(address, 128);
        this.acceptor = new Thread(this::acceptLoop, "local-dynamodb-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Stops accepting, closes idle connections and waits (up to 5 s) for requests in progress to finish. */
    void stop() {
        stopping = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : open) {
            try {
                s.shutdownInput(); // a handler blocked reading the next request ends; one mid-request still answers
            } catch (IOException ignored) {
                // already closed
            }
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket s;
            try {
                connections.acquire();
                s = server.accept();
            } catch (IOException | InterruptedException e) {
                connections.release();
                if (stopping) {
                    return;
                }
                continue;
            }
            open.add(s);
            try {
                pool.execute(() -> serve(s));
            } catch (RuntimeException rejected) {
                closeQuietly(s);
            }
        }
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        connections.release();
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private record Request(String method, Map<String, String> headers, byte[] body, boolean keepAlive) {}

    /** A request the server cannot parse: answered with a 4xx, then the connection is closed. */
    private static final class BadRequest extends Exception {
        final int status;

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private void serve(Socket s) {
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            OutputStream out = s.getOutputStream();
            while (!stopping || in.available() > 0) {
                Request r;
                try {
                    r = read(in, out);
                } catch (BadRequest e) {
                    DynamoException answer = e.status == 413
                            ? DynamoException.validation("Request size exceeded " + MAX_REQUEST_BYTES + " bytes")
                            : DynamoException.serialization(e.getMessage());
                    write(out, protocol.refused(e.status, answer), false);
                    drainBeforeClose(s, in);
                    return;
                }
                if (r == null) {
                    return;
                }
                handle(r, out);
                if (!r.keepAlive()) {
                    return;
                }
            }
        } catch (IOException closedOrTimedOut) {
            // the client went away or stayed idle too long: nothing to answer
        } finally {
            closeQuietly(s);
        }
    }

    /**
     * After an error answered before the whole request was read (e.g. 413), half-closes and reads what the client is
     * still sending, bounded in bytes and time, so that closing the socket does not reset the connection before the
     * client has read the answer.
     */
    private static void drainBeforeClose(Socket s, InputStream in) {
        try {
            s.shutdownOutput();
            s.setSoTimeout(DRAIN_TIMEOUT_MILLIS);
            byte[] sink = new byte[64 * 1024];
            long drained = 0;
            int n;
            while (drained < MAX_DRAIN_BYTES && (n = in.read(sink)) >= 0) {
                drained += n;
            }
        } catch (IOException clientGoneOrSlow) {
            // nothing more to do: the socket is closed by the caller
        }
    }

    /** Reads one request; null at a clean end of stream between requests. */
    private static Request read(InputStream in, OutputStream out) throws IOException, BadRequest {
        String requestLine = line(in, true);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "Malformed request line");
        }
        Map<String, String> headers = new HashMap<>();
        int headerBytes = 0;
        while (true) {
            String h = line(in, false);
            if (h == null) {
                throw new BadRequest(400, "Truncated request headers");
            }
            if (h.isEmpty()) {
                break;
            }
            headerBytes += h.length();
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new BadRequest(431, "Request headers too large");
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new BadRequest(400, "Malformed request header");
            }
            headers.put(
                    h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    h.substring(colon + 1).trim());
        }
        boolean http11 = parts[2].equals("HTTP/1.1");
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        boolean keepAlive = http11 ? !connection.contains("close") : connection.contains("keep-alive");
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body;
        if (headers.getOrDefault("transfer-encoding", "")
                .toLowerCase(Locale.ROOT)
                .contains("chunked")) {
            body = chunked(in);
        } else {
            long length;
            try {
                length = Long.parseLong(headers.getOrDefault("content-length", "0"));
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "Malformed Content-Length");
            }
            if (length < 0) {
                throw new BadRequest(400, "Malformed Content-Length");
            }
            if (length > MAX_REQUEST_BYTES) {
                throw new BadRequest(413, "Request too large");
            }
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new IOException("truncated body");
            }
        }
        return new Request(parts[0], headers, body, keepAlive);
    }

    private static byte[] chunked(InputStream in) throws IOException, BadRequest {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in, false);
            if (size == null) {
                throw new IOException("truncated chunk");
            }
            int semi = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "Malformed chunk size");
            }
            if (n < 0 || body.size() + (long) n > MAX_REQUEST_BYTES) {
                throw new BadRequest(413, "Request too large");
            }
            if (n == 0) {
                String trailer;
                do {
                    trailer = line(in, false);
                } while (trailer != null && !trailer.isEmpty());
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(n);
            if (chunk.length != n) {
                throw new IOException("truncated chunk");
            }
            body.write(chunk);
            line(in, false);
        }
    }

    /** One CRLF- (or LF-) terminated ASCII line; null at end of stream before any byte. */
    private static String line(InputStream in, boolean skipLeadingBlankLines) throws IOException, BadRequest {
        StringBuilder sb = new StringBuilder(64);
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (sb.length() == 0) {
                    return null;
                }
                throw new IOException("truncated line");
            }
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                if (sb.length() == 0 && skipLeadingBlankLines) {
                    continue;
                }
                return sb.toString();
            }
            sb.append((char) c);
            if (sb.length() > 8192) {
                throw new BadRequest(431, "Request line or header too long");
            }
        }
    }

    /** How many requests this server has answered (tells tests which transport a client used). */
    long requestsServed() {
        return served.get();
    }

    private void handle(Request r, OutputStream out) throws IOException {
        served.incrementAndGet();
        write(
                out,
                protocol.handle(
                        r.method(), r.headers().get("x-amz-target"), r.headers().get("authorization"), r.body()),
                r.keepAlive());
    }

    private static void write(OutputStream out, JsonProtocol.Response response, boolean keepAlive) throws IOException {
        byte[] body = response.body();
        String head = "HTTP/1.1 " + response.status() + " " + JsonProtocol.reason(response.status()) + "\r\n"
                + "Content-Type: " + response.contentType() + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "x-amzn-RequestId: " + response.requestId() + "\r\n"
                + "x-amz-crc32: " + response.crc32() + "\r\n"
                + (keepAlive ? "" : "Connection: close\r\n")
                + "\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        out.write(all);
        out.flush();
    }
}
