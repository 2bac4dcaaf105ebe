package dev.bricks.local.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Copies a function JVM's output line by line to its output file and to a listener, on a daemon thread. */
final class OutputPump {

    private OutputPump() {}

    static void start(Process process, Path file, Consumer<String> lines, String functionName) {
        Thread t = new Thread(() -> pump(process, file, lines), "bricks-log-" + functionName + "-" + process.pid());
        t.setDaemon(true);
        t.start();
    }

    private static void pump(Process process, Path file, Consumer<String> lines) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                try {
                    lines.accept(line);
                } catch (RuntimeException e) {
                    // a failing listener must not stop the copy to the file
                }
            }
        } catch (IOException e) {
            // the process went away; its output ends here
        }
    }
}
