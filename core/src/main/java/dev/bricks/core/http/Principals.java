package dev.bricks.core.http;

import dev.bricks.core.internal.JsonValue;
import dev.bricks.core.internal.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@link Principal} from every authorizer shape API Gateway delivers. Stateless. */
final class Principals {

    private Principals() {}

    /** REST / payload 1.0: {@code {principalId, claims?, ...context keys}}. */
    static Principal fromV1(JsonValue authorizer) {
        if (authorizer == null || authorizer.isEmpty()) {
            return null;
        }
        JsonValue claimsNode = Nodes.object(authorizer, "claims");
        if (claimsNode != null) {
            Map<String, Object> claims = Nodes.plainMap(claimsNode);
            return of(
                    firstNonNull(
                            str(claims.get(PrincipalKeys.SUBJECT)), Nodes.text(authorizer, PrincipalKeys.PRINCIPAL_ID)),
                    null,
                    claims);
        }
        Map<String, Object> context = new LinkedHashMap<>(Nodes.plainMap(authorizer));
        context.remove("integrationLatency");
        String principalId = str(context.get(PrincipalKeys.PRINCIPAL_ID));
        return of(firstNonNull(str(context.get(PrincipalKeys.SUBJECT)), principalId), null, context);
    }

    /** HTTP API 2.0: {@code {jwt: {claims, scopes}} | {lambda: {...}} | {iam: {...}}}. */
    static Principal fromV2(JsonValue authorizer) {
        if (authorizer == null || authorizer.isEmpty()) {
            return null;
        }
        JsonValue jwt = Nodes.object(authorizer, "jwt");
        if (jwt != null) {
            Map<String, Object> claims = Nodes.plainMap(Nodes.object(jwt, "claims"));
            JsonValue scopes = jwt.get("scopes");
            List<String> scopeList = scopes == null || scopes.isNull() ? null : split(Nodes.plain(scopes));
            return of(str(claims.get(PrincipalKeys.SUBJECT)), scopeList, claims);
        }
        JsonValue lambda = Nodes.object(authorizer, "lambda");
        if (lambda != null) {
            Map<String, Object> context = Nodes.plainMap(lambda);
            return of(
                    firstNonNull(str(context.get(PrincipalKeys.SUBJECT)), str(context.get(PrincipalKeys.PRINCIPAL_ID))),
                    null,
                    context);
        }
        JsonValue iam = Nodes.object(authorizer, "iam");
        if (iam != null) {
            Map<String, Object> values = Nodes.plainMap(iam);
            return of(firstNonNull(str(values.get("userArn")), str(values.get("userId"))), null, values);
        }
        return null;
    }

    private static Principal of(String subject, List<String> scopes, Map<String, Object> claims) {
        List<String> scopeList = scopes != null
                ? scopes
                : split(firstNonNullObject(
                        claims.get(PrincipalKeys.SCOPE),
                        claims.get(PrincipalKeys.SCOPES),
                        claims.get(PrincipalKeys.SCP)));
        List<String> groups =
                split(firstNonNullObject(claims.get(PrincipalKeys.COGNITO_GROUPS), claims.get(PrincipalKeys.GROUPS)));
        return new Principal(subject, scopeList, groups, claims);
    }

    /** A list, or a string such as {@code "a b"}, {@code "a,b"} or {@code "[a b]"} (stringified arrays). */
    static List<String> split(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o != null && !o.toString().isBlank()) {
                    out.add(o.toString().trim());
                }
            }
        } else if (value != null) {
            String text = value.toString().trim();
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            for (String part : text.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static Object firstNonNullObject(Object... values) {
        for (Object v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
