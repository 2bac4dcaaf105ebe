package dev.bricks.local.app;

import dev.bricks.local.gateway.ApiConfig;
import dev.bricks.local.gateway.AuthorizerConfig;
import dev.bricks.local.gateway.AuthorizerType;
import dev.bricks.local.gateway.PayloadFormat;
import dev.bricks.local.gateway.RouteConfig;
import dev.bricks.local.template.ApiDefinition;
import dev.bricks.local.template.EventType;
import dev.bricks.local.template.FunctionDefinition;
import dev.bricks.local.template.FunctionEvent;
import dev.bricks.local.template.Template;
import dev.bricks.local.template.TemplateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the template's APIs and their {@code HttpApi} / {@code Api} events into the gateway's
 * {@link ApiConfig}s, as SAM would deploy them: routes from events, Lambda authorizers from {@code Auth}, the
 * default authorizer unless a route says {@code NONE}.
 */
final class GatewayWiring {

    private GatewayWiring() {}

    static List<ApiConfig> apis(Template template) {
        Map<String, ApiConfig.Builder> builders = new LinkedHashMap<>();
        Map<String, String> defaultAuthorizers = new LinkedHashMap<>();
        for (ApiDefinition api : template.apis()) {
            boolean http = api.kind() == ApiDefinition.Kind.HTTP;
            ApiConfig.Builder b = (http ? ApiConfig.httpApi(api.logicalId()) : ApiConfig.restApi(api.logicalId()))
                    .stage(api.stageName());
            if (api.auth().get("Authorizers") instanceof Map<?, ?> authorizers) {
                for (Map.Entry<?, ?> e : authorizers.entrySet()) {
                    b.authorizer(authorizer(api, String.valueOf(e.getKey()), (Map<?, ?>) e.getValue()));
                }
            }
            if (api.auth().get("DefaultAuthorizer") != null) {
                defaultAuthorizers.put(
                        api.logicalId(), String.valueOf(api.auth().get("DefaultAuthorizer")));
            }
            builders.put(api.logicalId(), b);
        }
        for (FunctionDefinition f : template.functions()) {
            for (FunctionEvent ev : f.events()) {
                if (ev.type() != EventType.HTTP_API && ev.type() != EventType.API) {
                    continue;
                }
                boolean http = ev.type() == EventType.HTTP_API;
                Object apiRef = ev.properties().get(http ? "ApiId" : "RestApiId");
                String apiId =
                        apiRef != null ? String.valueOf(apiRef) : http ? "ServerlessHttpApi" : "ServerlessRestApi";
                String authorizer = defaultAuthorizers.get(apiId);
                if (ev.properties().get("Auth") instanceof Map<?, ?> auth && auth.get("Authorizer") != null) {
                    authorizer = String.valueOf(auth.get("Authorizer"));
                }
                if ("NONE".equals(authorizer) || "AWS_IAM".equals(authorizer)) {
                    authorizer = null;
                }
                PayloadFormat format = http
                        ? PayloadFormat.of(String.valueOf(ev.properties().getOrDefault("PayloadFormatVersion", "2.0")))
                        : PayloadFormat.V1_0;
                Object path = ev.properties().get("Path");
                Object method = ev.properties().get("Method");
                RouteConfig route;
                try {
                    route = path == null && http
                            ? RouteConfig.defaultRoute(f.logicalId(), authorizer)
                            : new RouteConfig(
                                    method == null
                                            ? "ANY"
                                            : String.valueOf(method).toUpperCase(),
                                    String.valueOf(path),
                                    f.logicalId(),
                                    authorizer,
                                    format);
                } catch (IllegalArgumentException e) {
                    throw new TemplateException(
                            ev.location(),
                            "function " + f.logicalId() + ": event " + ev.name() + ": " + e.getMessage());
                }
                builders.get(apiId).route(route);
            }
        }
        List<ApiConfig> out = new ArrayList<>();
        for (Map.Entry<String, ApiConfig.Builder> e : builders.entrySet()) {
            try {
                out.add(e.getValue().build());
            } catch (IllegalArgumentException | IllegalStateException ex) {
                throw new TemplateException(null, "API " + e.getKey() + ": " + ex.getMessage());
            }
        }
        return out;
    }

    private static String or(Map<?, ?> map, String key, String absent) {
        Object v = map.get(key);
        return v == null ? absent : String.valueOf(v);
    }

    private static AuthorizerConfig authorizer(ApiDefinition api, String name, Map<?, ?> a) {
        Object functionId = a.get("FunctionId");
        if (functionId == null) {
            throw new TemplateException(
                    api.location(),
                    "API " + api.logicalId() + ": authorizer " + name
                            + " needs a FunctionArn that is !GetAtt <Function>.Arn (or that ARN with an alias, :live) of a function of this template"
                            + " (JWT and Cognito authorizers are not simulated)");
        }
        AuthorizerConfig.Builder b = AuthorizerConfig.builder(name, String.valueOf(functionId));
        Map<?, ?> identity = a.get("Identity") instanceof Map<?, ?> m ? m : Map.of();
        boolean http = api.kind() == ApiDefinition.Kind.HTTP;
        String prefix = http ? "$request." : "method.request.";
        if (http) {
            b.type(AuthorizerType.REQUEST);
            b.payloadFormat(PayloadFormat.of(String.valueOf(or(a, "AuthorizerPayloadFormatVersion", "2.0"))));
            if (Boolean.TRUE.equals(a.get("EnableSimpleResponses"))
                    || "true".equalsIgnoreCase(String.valueOf(a.get("EnableSimpleResponses")))) {
                b.simpleResponses(true);
            }
        } else {
            boolean token = !"REQUEST".equals(String.valueOf(or(a, "FunctionPayloadType", "TOKEN")));
            b.type(token ? AuthorizerType.TOKEN : AuthorizerType.REQUEST);
            if (token) {
                b.identitySource("method.request.header." + or(identity, "Header", "Authorization"));
                if (identity.get("ValidationExpression") != null) {
                    b.identityValidationExpression(String.valueOf(identity.get("ValidationExpression")));
                }
            }
        }
        if (identity.get("Headers") instanceof List<?> headers) {
            headers.forEach(h -> b.identitySource(prefix + "header." + h));
        }
        if (identity.get("QueryStrings") instanceof List<?> qs) {
            qs.forEach(q -> b.identitySource(prefix + "querystring." + q));
        }
        if (identity.get("Context") instanceof List<?> ctx) {
            ctx.forEach(c -> b.identitySource((http ? "$context." : "context.") + c));
        }
        if (identity.get("StageVariables") instanceof List<?> sv) {
            sv.forEach(v -> b.identitySource((http ? "$stageVariables." : "stageVariables.") + v));
        }
        Object ttl = identity.get("ReauthorizeEvery");
        b.resultTtl(
                ttl != null
                        ? Duration.ofSeconds(Long.parseLong(String.valueOf(ttl)))
                        : http ? Duration.ZERO : AuthorizerConfig.REST_DEFAULT_RESULT_TTL);
        try {
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TemplateException(
                    api.location(), "API " + api.logicalId() + ": authorizer " + name + ": " + e.getMessage());
        }
    }
}
