package dev.bricks.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bricks.local.functions.FunctionInvoker;
import dev.bricks.local.functions.InvokeOutcome;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Runs routes' Lambda authorizers as API Gateway does: identity sources checked first (missing → 401 without an
 * invocation), the function invoked with the authorizer event of its kind and format, its answer parsed and
 * cached by identity source values for the configured TTL, and the (cached) result judged against this
 * request's method ARN. An authorizer that fails, times out or answers nonsense never allows (→ 500).
 *
 * <p>Thread-safe: the cache is a concurrent map; two simultaneous misses may both invoke the authorizer.
 */
final class LambdaAuthorizers {

    private static final System.Logger LOG = System.getLogger(LambdaAuthorizers.class.getName());

    /** Above this many cached results, expired ones are dropped (and, if still too many, all). */
    private static final int MAX_CACHED = 10_000;

    /** The authorizer's verdict for one request. */
    sealed interface Decision permits Allowed, Refused {}

    /** Go on to the route, handing it {@code result}'s context. */
    record Allowed(AuthorizerResult result, long latencyMs) implements Decision {}

    /** Answer with {@code reply} instead of invoking the route. */
    record Refused(GatewayReply reply) implements Decision {}

    private record CacheKey(String api, String authorizer, List<String> identity) {}

    private record Cached(AuthorizerResult result, Instant expires) {}

    private final FunctionInvoker invoker;
    private final GatewaySettings settings;
    private final Map<CacheKey, Cached> cache = new ConcurrentHashMap<>();

    LambdaAuthorizers(FunctionInvoker invoker, GatewaySettings settings) {
        this.invoker = invoker;
        this.settings = settings;
    }

    Decision authorize(RequestScope s, AuthorizerConfig config) {
        boolean rest = !s.isHttpApi();
        List<String> identity = identityValues(s, config);
        if (identity == null) {
            return new Refused(
                    rest
                            ? GatewayReply.UNAUTHORIZED.withHeader("x-amzn-ErrorType", "UnauthorizedException")
                            : GatewayReply.UNAUTHORIZED);
        }
        if (config.type() == AuthorizerType.TOKEN
                && config.identityValidationExpression() != null
                && !Pattern.matches(config.identityValidationExpression(), identity.get(0))) {
            return new Refused(GatewayReply.UNAUTHORIZED.withHeader("x-amzn-ErrorType", "UnauthorizedException"));
        }
        boolean caching = !config.resultTtl().isZero();
        CacheKey key = new CacheKey(s.api().name(), config.name(), identity);
        Instant now = settings.clock().instant();
        Cached cached = caching ? cache.get(key) : null;
        AuthorizerResult result;
        long latencyMs = 0;
        if (cached != null && now.isBefore(cached.expires())) {
            result = cached.result();
        } else {
            long start = System.nanoTime();
            try {
                result = invoke(s, config, identity);
            } catch (RefusedException e) {
                return new Refused(e.reply);
            }
            latencyMs = (System.nanoTime() - start) / 1_000_000;
            if (caching) {
                remember(key, new Cached(result, now.plus(config.resultTtl())), now);
            }
        }
        return switch (result.evaluate(s.methodArn())) {
            case ALLOW -> new Allowed(result, latencyMs);
            case EXPLICIT_DENY ->
                new Refused(rest ? withErrorType(GatewayReply.REST_EXPLICIT_DENY) : GatewayReply.HTTP_FORBIDDEN);
            case IMPLICIT_DENY ->
                new Refused(rest ? withErrorType(GatewayReply.REST_NOT_ALLOWED) : GatewayReply.HTTP_FORBIDDEN);
        };
    }

    private static GatewayReply withErrorType(GatewayReply reply) {
        return reply.withHeader("x-amzn-ErrorType", "AccessDeniedException");
    }

    private void remember(CacheKey key, Cached value, Instant now) {
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(c -> !now.isBefore(c.expires()));
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
        cache.put(key, value);
    }

    /** The identity source values in order, or null when one is missing or empty. */
    private static List<String> identityValues(RequestScope s, AuthorizerConfig config) {
        List<String> values = new ArrayList<>();
        for (String text : config.identitySources()) {
            IdentitySource source = IdentitySource.parse(text);
            String value = switch (source.location()) {
                case HEADER -> joinedOrNull(s.request().header(source.name()));
                case QUERY_STRING -> joinedOrNull(s.request().query().get(source.name()));
                case CONTEXT -> s.contextValue(source.name());
                case STAGE_VARIABLE -> s.api().stageVariables().get(source.name());
            };
            if (value == null || value.isEmpty()) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private static String joinedOrNull(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private AuthorizerResult invoke(RequestScope s, AuthorizerConfig config, List<String> identity)
            throws RefusedException {
        boolean rest = !s.isHttpApi();
        GatewayReply failure = rest
                ? GatewayReply.REST_AUTHORIZER_ERROR.withHeader("x-amzn-ErrorType", "AuthorizerConfigurationException")
                : GatewayReply.HTTP_INTERNAL_SERVER_ERROR;
        ObjectNode event = switch (config.type()) {
            case TOKEN -> ProxyEvents.authorizerToken(s, identity.get(0));
            case REQUEST ->
                config.payloadFormat() == PayloadFormat.V2_0
                        ? ProxyEvents.authorizerV2(s, identity)
                        : ProxyEvents.authorizerV1Request(s, identity);
        };
        InvokeOutcome outcome;
        try {
            outcome = invoker.invoke(config.functionId(), ProxyEvents.JSON.writeValueAsBytes(event));
        } catch (FunctionInvoker.UnknownFunctionException e) {
            LOG.log(
                    Level.ERROR,
                    "Authorizer " + config.name() + ": " + e.getMessage() + "; answering " + failure.status());
            throw new RefusedException(failure);
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Authorizer " + config.name() + " (" + config.functionId() + ") could not be" + " invoked: "
                            + e.getMessage(),
                    e);
            throw new RefusedException(failure);
        }
        if (!outcome.succeeded()) {
            String message = errorMessage(outcome);
            if (rest && "Unauthorized".equals(message)) {
                throw new RefusedException(
                        GatewayReply.UNAUTHORIZED.withHeader("x-amzn-ErrorType", "UnauthorizedException"));
            }
            LOG.log(
                    Level.WARNING,
                    "Authorizer " + config.name() + " (" + config.functionId() + ") failed with " + outcome.errorType()
                            + ": " + message + "; answering " + failure.status());
            throw new RefusedException(failure);
        }
        try {
            return AuthorizerResult.parse(ProxyEvents.JSON.readTree(outcome.payload()), config.simpleResponses(), rest);
        } catch (AuthorizerResult.MalformedException | IOException e) {
            LOG.log(
                    Level.WARNING,
                    "Authorizer " + config.name() + " (" + config.functionId() + ") answered something"
                            + " API Gateway does not accept (" + e.getMessage() + "); answering " + failure.status());
            throw new RefusedException(failure);
        }
    }

    private static String errorMessage(InvokeOutcome outcome) {
        try {
            JsonNode error = ProxyEvents.JSON.readTree(outcome.payload());
            return error == null ? null : error.path("errorMessage").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Carries the reply out of {@link #invoke}. */
    private static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient GatewayReply reply;

        RefusedException(GatewayReply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }
    }
}
