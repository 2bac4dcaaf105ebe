package dev.bricks.auth;

import dev.bricks.core.http.HttpMethod;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The route an authorizer is asked about, read from the event's {@code methodArn} (REST) or {@code routeArn}
 * (HTTP API): {@code arn:…:apiId/stage/METHOD/path}. The path is the called path as the ARN carries it
 * ({@code /orders/42}), not the route template. Immutable.
 *
 * <pre>{@code
 * if (route.is(HttpMethod.POST, "/order") && !claims.scopes().contains("orders/write")) {
 *     throw new ClaimCheckException("orders/write required");
 * }
 * }</pre>
 *
 * @param method the HTTP method; never null
 * @param path the path after the stage, starting with {@code /}; never null
 */
public record CalledRoute(HttpMethod method, String path) {

    private static final Map<String, HttpMethod> METHODS = methods();

    /** Checks both members. */
    public CalledRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
    }

    /** Whether this is exactly {@code method} on {@code path}. */
    public boolean is(HttpMethod method, String path) {
        return this.method == method && this.path.equals(path);
    }

    /** Whether the path is {@code prefix} or lies below it ({@code /orders} covers {@code /orders/42}). */
    public boolean under(String prefix) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(p.isEmpty() ? "/" : p) || path.startsWith(p + "/");
    }

    /**
     * The route of a well-formed execute-api ARN ({@code …:apiId/stage/METHOD/path}), or null when the method is
     * not an {@link HttpMethod} or the ARN has no method segment.
     */
    static CalledRoute ofArn(String arn) {
        int apiSlash = arn.indexOf('/');
        int stageSlash = arn.indexOf('/', apiSlash + 1);
        if (apiSlash < 0 || stageSlash < 0) {
            return null;
        }
        int methodEnd = arn.indexOf('/', stageSlash + 1);
        String method = methodEnd < 0 ? arn.substring(stageSlash + 1) : arn.substring(stageSlash + 1, methodEnd);
        HttpMethod m = method(method);
        return m == null ? null : new CalledRoute(m, methodEnd < 0 ? "/" : arn.substring(methodEnd));
    }

    private static HttpMethod method(String name) {
        return METHODS.get(name);
    }

    private static Map<String, HttpMethod> methods() {
        Map<String, HttpMethod> byName = new HashMap<>();
        for (HttpMethod m : HttpMethod.values()) {
            byName.put(m.name(), m);
        }
        return Map.copyOf(byName);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
