package dev.bricks.local.gateway;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every API's routes in one table, ordered as API Gateway prioritises them: most specific path first (literal
 * segments before variables before greedy variables), an exact method before {@code ANY}, {@code $default}
 * last. Immutable, thread-safe.
 */
final class RouteTable {

    /** A route of an API with its parsed path. */
    record Entry(ApiConfig api, RouteConfig route, PathPattern pattern) {
        boolean isDefault() {
            return pattern == null;
        }
    }

    /** A matched route and the path parameters it bound. */
    record Match(Entry entry, Map<String, String> pathParameters) {}

    private final List<Entry> entries;

    private RouteTable(List<Entry> entries) {
        this.entries = entries;
    }

    static RouteTable of(List<ApiConfig> apis) {
        List<Entry> entries = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (ApiConfig api : apis) {
            for (RouteConfig route : api.routes()) {
                String previous = owners.putIfAbsent(route.routeKey(), api.name());
                if (previous != null) {
                    throw new IllegalArgumentException("Route " + route.routeKey() + " is declared by API " + previous
                            + " and by API " + api.name() + "; they share one port, so route keys must be unique");
                }
                PathPattern pattern =
                        RouteConfig.DEFAULT_ROUTE.equals(route.path()) ? null : PathPattern.parse(route.path());
                entries.add(new Entry(api, route, pattern));
            }
        }
        entries.sort(Comparator.comparing(Entry::isDefault)
                .thenComparing(Entry::pattern, Comparator.nullsLast(PathPattern::compareSpecificity))
                .thenComparing(e -> RouteConfig.ANY.equals(e.route().method())));
        return new RouteTable(List.copyOf(entries));
    }

    /** @return the best route for the request, or null (API Gateway's 404) */
    Match match(String method, String rawPath) {
        for (Entry e : entries) {
            String m = e.route().method();
            if (!m.equals(method) && !m.equals(RouteConfig.ANY)) {
                continue;
            }
            if (e.isDefault()) {
                return new Match(e, Map.of());
            }
            Map<String, String> params = e.pattern().match(rawPath);
            if (params != null) {
                return new Match(e, params);
            }
        }
        return null;
    }

    List<Entry> entries() {
        return entries;
    }
}
