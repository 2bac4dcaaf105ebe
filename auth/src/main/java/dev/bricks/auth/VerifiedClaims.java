package dev.bricks.auth;

import dev.bricks.core.http.PrincipalKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The payload of a token whose signature and registered claims have been verified. Immutable; thread-safe.
 * Values are plain JSON types: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code List},
 * {@code Map} or null.
 */
public final class VerifiedClaims {

    private final Map<String, Object> claims;
    private final String keyId;

    VerifiedClaims(Map<String, Object> claims, String keyId) {
        this.claims = claims;
        this.keyId = keyId;
    }

    /** {@code sub}; empty when absent, never null. */
    public String subject() {
        Object sub = claims.get(PrincipalKeys.SUBJECT);
        return sub instanceof String s ? s : "";
    }

    /** {@code iss}; never null (an issuer was matched). */
    public String issuer() {
        return (String) claims.get("iss");
    }

    /** The {@code kid} of the key that verified the signature; never null when {@code kid} is required. */
    public String keyId() {
        return keyId;
    }

    /** Scopes from {@code scope} (space-separated string) or {@code scp} (list or string); never null. */
    public List<String> scopes() {
        Object v = claims.containsKey(PrincipalKeys.SCOPE)
                ? claims.get(PrincipalKeys.SCOPE)
                : claims.get(PrincipalKeys.SCP);
        return strings(v, true);
    }

    /** Groups from {@code cognito:groups} or {@code groups} (list or string); never null. */
    public List<String> groups() {
        Object v = claims.containsKey(PrincipalKeys.COGNITO_GROUPS)
                ? claims.get(PrincipalKeys.COGNITO_GROUPS)
                : claims.get(PrincipalKeys.GROUPS);
        return strings(v, false);
    }

    /** A claim as its JSON value, or null when absent. */
    public Object get(String name) {
        return claims.get(name);
    }

    /** A claim as a string when it is one, else null. */
    public String string(String name) {
        Object v = claims.get(name);
        return v instanceof String s ? s : null;
    }

    /** Every claim, unmodifiable; never null. */
    public Map<String, Object> asMap() {
        return claims;
    }

    static List<String> strings(Object v, boolean splitString) {
        if (v instanceof String s) {
            if (!splitString) {
                return s.isEmpty() ? List.of() : List.of(s);
            }
            List<String> out = new ArrayList<>();
            for (String part : s.split(" ")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
            return Collections.unmodifiableList(out);
        }
        return List.of();
    }

    @Override
    public String toString() {
        return "VerifiedClaims[sub=" + subject() + ", iss=" + issuer() + "]";
    }
}
