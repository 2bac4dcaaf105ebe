package dev.bricks.local.template;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A YAML mapping as read, in file order, that remembers where it and each of its keys are written. */
final class YamlMap extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    private final transient Location location;
    private final transient Map<String, Location> keyLocations = new HashMap<>();

    YamlMap(Location location) {
        this.location = location;
    }

    Location location() {
        return location;
    }

    /** Where {@code key} is written; the map's own location when it is not a key of this map. */
    Location locationOf(String key) {
        return keyLocations.getOrDefault(key, location);
    }

    void put(String key, Object value, Location keyLocation) {
        put(key, value);
        keyLocations.put(key, keyLocation);
    }

    /** The value of {@code key} as a mapping, or an empty one. */
    YamlMap map(String key) {
        Object v = get(key);
        if (v == null) {
            return new YamlMap(locationOf(key));
        }
        if (v instanceof YamlMap m) {
            return m;
        }
        throw new TemplateException(locationOf(key), "'" + key + "' must be a mapping");
    }
}
