package dev.bricks.core.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The caller as established by API Gateway's authorizer, read from {@code requestContext.authorizer}: a REST
 * API Lambda authorizer ({@code principalId} and context keys), a Cognito user-pool authorizer
 * ({@code claims}), an HTTP API JWT authorizer ({@code jwt.claims}, {@code jwt.scopes}) or an HTTP API Lambda
 * authorizer ({@code lambda}).
 *
 * @param subject the subject ({@code sub} claim, else {@code principalId}); never null, may be empty
 * @param scopes OAuth scopes (from a list or a space-separated string); never null
 * @param groups groups from {@code cognito:groups} or {@code groups} (list or string); never null
 * @param claims every claim or context key as plain Java values; never null
 */
public record Principal(String subject, List<String> scopes, List<String> groups, Map<String, Object> claims) {

    /** Copies the collections; nulls become empty. */
    public Principal {
        subject = subject == null ? "" : subject;
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        groups = groups == null ? List.of() : List.copyOf(groups);
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    /** Whether the principal was granted the scope. */
    public boolean hasScope(String scope) {
        return scopes.contains(Objects.requireNonNull(scope, "scope"));
    }

    /** Whether the principal is in the group. */
    public boolean inGroup(String group) {
        return groups.contains(Objects.requireNonNull(group, "group"));
    }

    /** A claim's value as a string (lists and maps as their string form), or null when absent. */
    public String claim(String name) {
        Object value = claims.get(name);
        return value == null ? null : value.toString();
    }
}
