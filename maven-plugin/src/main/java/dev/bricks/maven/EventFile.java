package dev.bricks.maven;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoFailureException;

/** An event file given to a goal: read and checked to be one JSON value, with an error naming the file. */
final class EventFile {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EventFile() {}

    /**
     * The file's bytes.
     *
     * @param option the option that named the file, for the messages ({@code bricks.event})
     * @throws MojoFailureException when the option is unset, the file is missing or it is not JSON
     */
    static byte[] read(File file, String option) throws MojoFailureException {
        if (file == null) {
            throw new MojoFailureException("no event file: set -D" + option + "=path/to/event.json");
        }
        if (!file.isFile()) {
            throw new MojoFailureException("event file " + file + " does not exist (-D" + option + ")");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            throw new MojoFailureException("event file " + file + " cannot be read: " + e.getMessage());
        }
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || root.isMissingNode()) {
                throw new MojoFailureException("event file " + file + " is empty; it must hold one JSON event");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new MojoFailureException(
                    "event file " + file + " is not JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MojoFailureException("event file " + file + " cannot be read: " + e.getMessage());
        }
        return bytes;
    }
}
