package dev.bricks.local.template;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A place in a template file, for error messages: {@code template.yaml:12:7}.
 *
 * @param file the template file; never null
 * @param line 1-based line
 * @param column 1-based column
 */
public record Location(Path file, int line, int column) {

    /** Checks the file. */
    public Location {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return file.getFileName() + ":" + line + ":" + column;
    }
}
