package dev.bricks.local.dynamodb;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Standalone entry point: {@code java -jar bricks-local-dynamodb.jar [--port N] [--data-dir DIR]}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        LocalDynamoDb.Builder b = LocalDynamoDb.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port" -> {
                    b.port(parsePort(v));
                    i++;
                }
                case "--data-dir" -> {
                    if (v == null) {
                        usage("--data-dir needs a directory");
                    }
                    b.dataDirectory(Path.of(v));
                    i++;
                }
                case "--help", "-h" -> usage(null);
                default -> usage("unknown argument: " + a);
            }
        }
        LocalDynamoDb db = b.start();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            db.close();
            done.countDown();
        }));
        System.out.println(db.endpoint());
        System.out.flush();
        done.await();
    }

    private static int parsePort(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException | NullPointerException e) {
            usage("--port needs a number, got: " + v);
            return 0;
        }
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println(error);
        }
        System.err.println(
                "usage: java -jar bricks-local-dynamodb.jar [--port N (default 0 = free port)] [--data-dir DIR]");
        System.exit(error == null ? 0 : 2);
    }
}
