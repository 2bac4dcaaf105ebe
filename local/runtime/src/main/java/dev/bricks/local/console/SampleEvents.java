package dev.bricks.local.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The template's sample events, as {@code sam init} lays them out: {@code events/*.json} next to the template
 * (offered to every function) and {@code events/<FunctionId>/*.json} (offered to that function first).
 * Thread-safe (reads the folder on each call).
 */
final class SampleEvents {

    private final Path folder;

    /** @param templateFile the template; its sibling folder {@code events} is read */
    SampleEvents(Path templateFile) {
        Path parent = templateFile.toAbsolutePath().getParent();
        this.folder = parent.resolve("events");
    }

    /** Names (relative paths like {@code PlaceOrder/order.json} or {@code event.json}) for the function. */
    List<String> names(String functionId) {
        List<String> out = new ArrayList<>();
        out.addAll(list(folder.resolve(functionId), functionId + "/"));
        out.addAll(list(folder, ""));
        return out;
    }

    /** The event's bytes; null when there is no such sample for the function. */
    byte[] read(String functionId, String name) throws IOException {
        if (!names(functionId).contains(name)) {
            return null;
        }
        return Files.readAllBytes(folder.resolve(name));
    }

    private static List<String> list(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f ->
                            Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
                    .map(f -> prefix + f.getFileName())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
