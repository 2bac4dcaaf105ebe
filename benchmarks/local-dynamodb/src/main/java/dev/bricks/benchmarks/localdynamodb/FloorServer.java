package dev.bricks.benchmarks.localdynamodb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The floor: a trivial HTTP/1.1 server answering every DynamoDB call with canned, valid response bytes (the same
 * bytes the real engines return for the benchmark's data), so a run against it measures only the SDK and the HTTP
 * round trip. Like bricks-local-dynamodb it serves each keep-alive connection on its own thread and writes each
 * response in one piece with TCP_NODELAY — but it parses nothing beyond the headers it needs.
 */
public final class FloorServer {
    private FloorServer() {}

    public static void main(String[] args) throws IOException {
        Map<String, byte[]> canned = Map.of(
                "PutItem", response("{}"),
                "GetItem", response("{\"Item\":" + Data.itemJson("get", 0) + "}"),
                "Query", response(queryJson()));
        byte[] empty = response("{}");
        ServerSocket server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        System.out.println("http://127.0.0.1:" + server.getLocalPort());
        System.out.flush();
        while (true) {
            Socket s = server.accept();
            Thread t = new Thread(() -> serve(s, canned, empty));
            t.setDaemon(true);
            t.start();
        }
    }

    private static void serve(Socket s, Map<String, byte[]> canned, byte[] empty) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            OutputStream out = s.getOutputStream();
            while (true) {
                String line = line(in);
                if (line == null) return;
                if (line.isEmpty()) continue;
                int length = 0;
                String op = "";
                for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                    String lower = h.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:"))
                        length = Integer.parseInt(h.substring(15).trim());
                    else if (lower.startsWith("x-amz-target:"))
                        op = h.substring(h.indexOf('.') + 1).trim();
                }
                in.readNBytes(length);
                out.write(canned.getOrDefault(op, empty));
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // connection closed
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n')
                return sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r'
                        ? sb.substring(0, sb.length() - 1)
                        : sb.toString();
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static byte[] response(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: " + body.length
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static String queryJson() {
        StringBuilder sb = new StringBuilder("{\"Items\":[");
        for (int i = 0; i < Data.QUERY_ITEMS; i++) {
            if (i > 0) sb.append(',');
            sb.append(Data.itemJson("q", i));
        }
        return sb.append("],\"Count\":")
                .append(Data.QUERY_ITEMS)
                .append(",\"ScannedCount\":")
                .append(Data.QUERY_ITEMS)
                .append('}')
                .toString();
    }
}
