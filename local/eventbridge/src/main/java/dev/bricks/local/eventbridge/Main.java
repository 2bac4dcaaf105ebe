package dev.bricks.local.eventbridge;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a local bus on its own: {@code java -cp … dev.bricks.local.eventbridge.Main [--port N] [--region R]
 * [--account 123456789012]}. Prints the endpoint, then one line per delivery (rules and targets made through
 * the SDK; every target ARN is printed) until the process is stopped.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        LocalEventBridge.Builder builder = LocalEventBridge.builder();
        PrintStream out = System.out;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--port" -> builder.port(Integer.parseInt(require(args[i], value)));
                    case "--region" -> builder.region(require(args[i], value));
                    case "--account" -> builder.account(require(args[i], value));
                    default ->
                        throw new IllegalArgumentException("unknown option " + args[i]
                                + "; usage: [--port N] [--region R] [--account 123456789012]");
                }
                i++;
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        builder.fallbackTarget(event -> {
            synchronized (out) {
                out.println(event.ruleName() + "/" + event.targetId() + " attempt " + event.attempt() + ": "
                        + event.envelopeJson());
            }
        });
        LocalEventBridge bus = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(bus::close));
        out.println("local EventBridge listening on " + bus.endpoint());
        new CountDownLatch(1).await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
