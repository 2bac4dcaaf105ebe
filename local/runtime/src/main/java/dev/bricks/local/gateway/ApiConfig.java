package dev.bricks.local.gateway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One API served by {@link LocalApiGateway}: an HTTP API or a REST API with its routes and Lambda authorizers.
 * Built with {@link #httpApi(String)} or {@link #restApi(String)}; needs no template.
 *
 * <pre>{@code
 * ApiConfig api = ApiConfig.httpApi("OrdersApi")
 *         .authorizer(AuthorizerConfig.builder("TokenAuth", "AuthorizerFunction")
 *                 .identitySource("$request.header.Authorization").simpleResponses(true).build())
 *         .route(new RouteConfig("POST", "/order", "PlaceOrderFunction", "TokenAuth", PayloadFormat.V2_0))
 *         .build();
 * }</pre>
 *
 * @param kind HTTP API or REST API
 * @param name the API's logical id in the template (for an implicit API: {@code ServerlessHttpApi} /
 *     {@code ServerlessRestApi})
 * @param stage the stage name in events and ARNs: {@code $default} for HTTP APIs unless set, REST's
 *     {@code StageName}
 * @param routes the routes; two routes with the same route key are refused
 * @param authorizers the Lambda authorizers, by name
 * @param stageVariables the stage's variables, handed to events as {@code stageVariables}
 * @param binaryMediaTypes REST only: content types (e.g. {@code image/png}, {@code image/*}, {@code *}{@code /*})
 *     whose request bodies reach the function base64-encoded; HTTP APIs decide by content type themselves
 */
public record ApiConfig(
        ApiKind kind,
        String name,
        String stage,
        List<RouteConfig> routes,
        Map<String, AuthorizerConfig> authorizers,
        Map<String, String> stageVariables,
        List<String> binaryMediaTypes) {

    /** HTTP API's default stage name. */
    public static final String DEFAULT_STAGE = "$default";

    /** Validates routes against the kind and the authorizers they name. */
    public ApiConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stage, "stage");
        routes = List.copyOf(routes);
        authorizers = Map.copyOf(authorizers);
        stageVariables = Map.copyOf(stageVariables);
        binaryMediaTypes = List.copyOf(binaryMediaTypes);
        if (name.isBlank() || stage.isBlank()) {
            throw new IllegalArgumentException("API name and stage must not be blank: '" + name + "', '" + stage + "'");
        }
        Set<String> keys = new HashSet<>();
        for (RouteConfig route : routes) {
            String where = "API " + name + ", route " + route.routeKey();
            if (!keys.add(route.routeKey())) {
                throw new IllegalArgumentException(where + ": declared twice");
            }
            if (route.authorizer() != null && !authorizers.containsKey(route.authorizer())) {
                throw new IllegalArgumentException(where + ": unknown authorizer '" + route.authorizer()
                        + "', the API has " + authorizers.keySet());
            }
            if (kind == ApiKind.REST_API && route.payloadFormat() != PayloadFormat.V1_0) {
                throw new IllegalArgumentException(where + ": REST APIs only send payload format 1.0");
            }
            if (kind == ApiKind.REST_API && RouteConfig.DEFAULT_ROUTE.equals(route.path())) {
                throw new IllegalArgumentException(where + ": $default is an HTTP API route; REST uses /{proxy+}");
            }
        }
        authorizers.forEach((key, auth) -> {
            if (!key.equals(auth.name())) {
                throw new IllegalArgumentException("API " + name + ": authorizer key '" + key + "' differs from its"
                        + " name '" + auth.name() + "'");
            }
            if (kind == ApiKind.HTTP_API && auth.type() == AuthorizerType.TOKEN) {
                throw new IllegalArgumentException(
                        "API " + name + ", authorizer " + key + ": HTTP APIs have REQUEST authorizers only");
            }
            if (kind == ApiKind.REST_API && auth.payloadFormat() != PayloadFormat.V1_0) {
                throw new IllegalArgumentException(
                        "API " + name + ", authorizer " + key + ": REST authorizers use payload format 1.0");
            }
        });
    }

    /**
     * The API's id as events and ARNs show it ({@code requestContext.apiId}): 10 lower-case letters and digits
     * derived from the name, so it is stable across restarts.
     */
    public String apiId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        long h = 1125899906842597L;
        for (char c : (kind + "/" + name).toCharArray()) {
            h = 31 * h + c;
        }
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            id.append(alphabet.charAt((int) Long.remainderUnsigned(h, alphabet.length())));
            h = Long.divideUnsigned(h, alphabet.length()) ^ (h << 7);
        }
        return id.toString();
    }

    /** @param name the API's logical id @return a builder for an HTTP API, stage {@code $default} */
    public static Builder httpApi(String name) {
        return new Builder(ApiKind.HTTP_API, name, DEFAULT_STAGE);
    }

    /** @param name the API's logical id @return a builder for a REST API, stage {@code Prod} (SAM's default) */
    public static Builder restApi(String name) {
        return new Builder(ApiKind.REST_API, name, "Prod");
    }

    /** Builds an {@link ApiConfig}. Not thread-safe. */
    public static final class Builder {
        private final ApiKind kind;
        private final String name;
        private String stage;
        private final List<RouteConfig> routes = new ArrayList<>();
        private final Map<String, AuthorizerConfig> authorizers = new LinkedHashMap<>();
        private final Map<String, String> stageVariables = new LinkedHashMap<>();
        private final List<String> binaryMediaTypes = new ArrayList<>();

        private Builder(ApiKind kind, String name, String stage) {
            this.kind = kind;
            this.name = name;
            this.stage = stage;
        }

        /** @param stage the stage name; @return this */
        public Builder stage(String stage) {
            this.stage = stage;
            return this;
        }

        /** Adds a route. @return this */
        public Builder route(RouteConfig route) {
            routes.add(route);
            return this;
        }

        /** Adds an authorizer (routes name it). @return this */
        public Builder authorizer(AuthorizerConfig authorizer) {
            authorizers.put(authorizer.name(), authorizer);
            return this;
        }

        /** Adds a stage variable. @return this */
        public Builder stageVariable(String name, String value) {
            stageVariables.put(name, value);
            return this;
        }

        /** REST only: adds a binary media type such as {@code image/png} or {@code image/*}. @return this */
        public Builder binaryMediaType(String mediaType) {
            binaryMediaTypes.add(mediaType.toLowerCase(Locale.ROOT));
            return this;
        }

        /** @return the validated config @throws IllegalArgumentException naming a bad value */
        public ApiConfig build() {
            return new ApiConfig(kind, name, stage, routes, authorizers, stageVariables, binaryMediaTypes);
        }
    }
}
