package dev.bricks.local.gateway;

import java.util.Locale;

/**
 * One identity source of a Lambda authorizer, in either API's notation: HTTP API's
 * {@code $request.header.Authorization}, {@code $request.querystring.token}, {@code $context.routeKey},
 * {@code $stageVariables.name}, or REST's {@code method.request.header.Authorization},
 * {@code method.request.querystring.token}, {@code context.httpMethod}, {@code stageVariables.name}.
 */
record IdentitySource(Location location, String name) {

    enum Location {
        HEADER,
        QUERY_STRING,
        CONTEXT,
        STAGE_VARIABLE
    }

    static IdentitySource parse(String text) {
        String t = text == null ? "" : text.trim();
        String[][] prefixes = {
            {"$request.header.", "HEADER"}, {"method.request.header.", "HEADER"},
            {"$request.querystring.", "QUERY_STRING"}, {"method.request.querystring.", "QUERY_STRING"},
            {"$context.", "CONTEXT"}, {"context.", "CONTEXT"},
            {"$stageVariables.", "STAGE_VARIABLE"}, {"stageVariables.", "STAGE_VARIABLE"},
        };
        for (String[] p : prefixes) {
            if (t.startsWith(p[0]) && t.length() > p[0].length()) {
                Location location = Location.valueOf(p[1]);
                String name = t.substring(p[0].length());
                return new IdentitySource(location, location == Location.HEADER ? name.toLowerCase(Locale.ROOT) : name);
            }
        }
        throw new IllegalArgumentException(
                "Identity source '" + text + "' is not one of $request.header.NAME, "
                        + "$request.querystring.NAME, $context.NAME, $stageVariables.NAME (HTTP API) or "
                        + "method.request.header.NAME, method.request.querystring.NAME, context.NAME, stageVariables.NAME (REST)");
    }
}
