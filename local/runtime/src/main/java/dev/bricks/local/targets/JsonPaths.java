package dev.bricks.local.targets;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSONPath subset EventBridge input paths use here: {@code $} and {@code $.a.b} (names, no filters). */
final class JsonPaths {

    private JsonPaths() {}

    /** @throws IllegalArgumentException naming the property when the path is not {@code $} or {@code $.a.b…} */
    static void check(String path, String property) {
        if (path == null || !path.matches("\\$(\\.[^.\\[\\]*]+)*")) {
            throw new IllegalArgumentException(property + " '" + path
                    + "' is not supported: use $ or $.name.name (dotted names, no [] or filters)");
        }
    }

    /** The node at {@code path}, or a missing node. */
    static JsonNode select(JsonNode root, String path) {
        JsonNode node = root;
        if (path.length() > 1) {
            for (String name : path.substring(2).split("\\.")) {
                node = node.path(name);
            }
        }
        return node;
    }
}
