package dev.bricks.local.app;

import dev.bricks.local.template.TemplateException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code bricks-local} command:
 * {@code java -jar bricks-local.jar run --template template.yaml [--port 3000] [--state DIR]
 * [--parameter-overrides Key=Value ...] [--env-vars env.json] [--no-color]}.
 * Runs until SIGINT/SIGTERM, then stops every function JVM. Exit codes: 0 stopped, 1 the app could not start
 * (the message says why), 2 a usage error.
 */
public final class Main {

    static final String USAGE = """
            usage: bricks-local run --template FILE [--port N] [--state DIR]
                                    [--parameter-overrides Key=Value ...] [--env-vars FILE.json] [--no-color]
              --template             the SAM template (YAML or JSON)
              --port                 the API gateway's port (default 3000; 0 picks a free one)
              --state                keep tables, objects and captured mail in DIR across restarts
              --parameter-overrides  values for the template's Parameters (Key=Value or
                                     ParameterKey=Key,ParameterValue=Value), as sam local
              --env-vars             JSON file {"FunctionId": {"VAR": "value"}, "Parameters": {...}}, as sam local
              --no-color             no colours in log prefixes (also NO_COLOR=1, or when not a terminal)
            """;

    private Main() {}

    /** Runs the command; exits the JVM with its exit code. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        LocalAppOptions.Builder options = LocalAppOptions.builder().port(3000).logs(out);
        Path template = null;
        if (args.length == 0 || !args[0].equals("run")) {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
                out.print(USAGE);
                return 0;
            }
            err.print("bricks-local: expected the command 'run'\n" + USAGE);
            return 2;
        }
        try {
            for (int i = 1; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--template", "-t" -> template = Path.of(value(args, ++i, a));
                    case "--port" -> options.port(port(value(args, ++i, a)));
                    case "--state" -> options.stateDirectory(Path.of(value(args, ++i, a)));
                    case "--env-vars", "-n" -> options.environmentOverrides(Path.of(value(args, ++i, a)));
                    case "--no-color" -> options.colour(false);
                    case "--parameter-overrides" -> {
                        int start = i;
                        while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                            parameter(args[++i], options);
                        }
                        if (i == start) {
                            throw new UsageException("--parameter-overrides needs Key=Value pairs");
                        }
                    }
                    case "--help", "-h" -> {
                        out.print(USAGE);
                        return 0;
                    }
                    default -> throw new UsageException("unknown option " + a);
                }
            }
            if (template == null) {
                throw new UsageException("--template is required");
            }
        } catch (UsageException e) {
            err.print("bricks-local: " + e.getMessage() + "\n" + USAGE);
            return 2;
        } catch (LocalAppException e) {
            err.println("bricks-local: " + e.getMessage());
            return 1;
        }
        LocalApp app;
        try {
            app = LocalApp.start(template, options.build());
        } catch (TemplateException | LocalAppException e) {
            err.println("bricks-local: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("bricks-local: stopping");
                            app.close();
                            out.println("bricks-local: stopped");
                            out.flush();
                            stopped.countDown();
                        },
                        "bricks-local-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String v) {
        try {
            int p = Integer.parseInt(v);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number 0-65535, was " + v);
        }
    }

    /** {@code Key=Value}, or SAM's {@code ParameterKey=Key,ParameterValue=Value}. */
    private static void parameter(String token, LocalAppOptions.Builder options) {
        try {
            options.parameterOverride(token);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--parameter-overrides: " + e.getMessage());
        }
    }

    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
