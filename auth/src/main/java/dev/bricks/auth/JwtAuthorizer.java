package dev.bricks.auth;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.BricksHandler;
import dev.bricks.core.Correlation;
import dev.bricks.core.spi.InvocationInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every Bricks JWT Lambda authorizer: a Bricks handler ({@link BricksHandler}) that reads the API
 * Gateway event, verifies the token with a {@link JwtVerifier} and writes the response JSON itself. Subclass one
 * of {@link RestTokenAuthorizer}, {@link RestRequestAuthorizer}, {@link HttpApiSimpleAuthorizer} or
 * {@link HttpApiPolicyAuthorizer}; pass {@link AuthorizerOptions} to the constructor and optionally override
 * {@link #checkClaims}, {@link #context} and {@link #principalId}. The subclass writes no JWT code.
 *
 * <p>As a Bricks handler it is wired without {@code ::method}, gets a correlation id (header
 * {@code x-correlation-id}, else {@code requestContext.requestId}, else the Lambda request id) and runs the
 * {@code InvocationListener}s ({@code bricks-observability}'s logs and metrics) around every invocation.
 *
 * <p>The constructor fetches every issuer's JWKS (Lambda init); {@link #prime()} fetches them again and runs
 * the verification pipeline once before a SnapStart snapshot, and a restore hook fetches them after a restore.
 * An instance is thread-safe; Lambda uses one per environment. No exception escapes
 * {@link #handleRequest} except the REST {@link UnauthorizedException}.
 */
public abstract sealed class JwtAuthorizer extends BricksHandler<AuthorizerEvent>
        permits RestTokenAuthorizer, RestRequestAuthorizer, HttpApiSimpleAuthorizer, HttpApiPolicyAuthorizer {

    static final Logger LOG = LoggerFactory.getLogger(JwtAuthorizer.class);
    static final int MAX_EVENT_BYTES = 1024 * 1024;
    private static final int MAX_EVENT_DEPTH = 32;
    private static final Pattern ARN =
            Pattern.compile("arn:[a-z0-9-]+:execute-api:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9]+/[^/\\s]+/[^\\s]*");
    private static final int MAX_ARN_LENGTH = 1600;
    private static final int MAX_RESOURCE_LENGTH = 512;

    /**
     * The API Gateway flavour an authorizer answers: it fixes where the policy's ARN is and which context
     * values the response format can carry.
     */
    enum Api {
        /** REST API ({@code methodArn}); context values are strings, numbers and booleans. */
        REST("methodArn"),
        /** HTTP API, payload 2.0 ({@code routeArn}); context values are any JSON. */
        HTTP("routeArn");

        final String arnMember;

        Api(String arnMember) {
            this.arnMember = arnMember;
        }
    }

    private final JwtVerifier verifier;
    private final AuthorizerOptions options;
    private final Api api;
    private final PolicyResource policyResource;
    private final RestoreRefresh restoreRefresh;
    private final boolean routeChecks;
    private volatile boolean cacheKeyChecked;

    JwtAuthorizer(AuthorizerOptions options, Api api) {
        this.options = options;
        this.api = api;
        this.verifier = JwtVerifier.create(options);
        this.routeChecks = overridesCheckClaims(getClass());
        this.policyResource =
                options.policyResource().orElse(routeChecks ? PolicyResource.CALLED_ROUTE : PolicyResource.WHOLE_API);
        if (routeChecks && policyResponses() && policyResource == PolicyResource.WHOLE_API) {
            LOG.warn(
                    "bricks-auth: {} overrides checkClaims but policies name the whole API; API Gateway's "
                            + "cached Allow then covers routes checkClaims never saw",
                    getClass().getName());
        }
        LOG.info("bricks-auth init: JWKS {}, policy resource {}", verifier.prefetchKeys(), policyResource);
        this.restoreRefresh = RestoreRefresh.register(verifier);
    }

    /**
     * An extra check on verified claims for the called route; throw {@link ClaimCheckException} to deny
     * ({@link DenyReason#CLAIM_CHECK_FAILED}; its message is logged at DEBUG only, since it may quote claim
     * values). Any other exception denies with {@link DenyReason#INTERNAL_ERROR}. Default: accept.
     *
     * <p>Runs on every invocation, also on a decision-cache hit, so a decision cached for one route never
     * allows another route this method did not see. Overriding it makes policies name the called route unless
     * {@link AuthorizerOptions.Builder#policyResource} says otherwise: see {@link PolicyResource} for API
     * Gateway's own cache.
     *
     * @param claims the verified claims; never null
     * @param route the route the caller asks for; never null
     */
    protected void checkClaims(VerifiedClaims claims, CalledRoute route) throws ClaimCheckException {
        // accept by default
    }

    /**
     * Maps verified claims to the authorizer {@code context}. REST values must be strings, numbers or
     * booleans; HTTP API 2.0 values may also be lists and maps. Anything else denies with
     * {@link DenyReason#CONTEXT_INVALID}. The default is documented on each subclass.
     */
    protected abstract Map<String, Object> context(VerifiedClaims claims);

    /** The {@code principalId} of an Allow policy; default {@code sub}. Empty or null denies (CONTEXT_INVALID). */
    protected String principalId(VerifiedClaims claims) {
        return claims.subject();
    }

    /** Called once per invocation with the decision (after logging); default does nothing. Must not throw. */
    protected void onDecision(Decision decision) {
        // hook for metrics
    }

    /** The verifier, for subclasses that want to verify other values the same way; never null. */
    protected final JwtVerifier verifier() {
        return verifier;
    }

    /**
     * Fetches every issuer's JWKS and runs the verification pipeline once on a synthetic token, so that the
     * snapshot holds warm keys and loaded classes. A subclass that overrides it calls {@code super.prime()}.
     */
    @Override
    protected void prime() throws Exception {
        LOG.info("bricks-auth priming: JWKS {}", verifier.prefetchKeys());
        verifier.verify(primingToken());
    }

    @Override
    protected final InvocationInfo.Trigger trigger() {
        return InvocationInfo.Trigger.AUTHORIZER;
    }

    /** Never throws: an unreadable event becomes an {@link AuthorizerEvent} that carries its deny. */
    @Override
    protected final Parsed<AuthorizerEvent> parseEvent(byte[] raw) {
        AuthorizerEvent event = read(raw);
        return new Parsed<>(event, event.json() == null ? null : correlationId(event.json()));
    }

    /** The response JSON as bytes; throws only {@link UnauthorizedException}. */
    @Override
    protected final Object invoke(AuthorizerEvent event, Context context) {
        return handle(event).getBytes(StandardCharsets.UTF_8);
    }

    /** The event's members, ARN and route, or the deny when it cannot be read. */
    final AuthorizerEvent read(byte[] raw) {
        try {
            if (raw.length > MAX_EVENT_BYTES) {
                return AuthorizerEvent.rejected("event larger than " + MAX_EVENT_BYTES + " bytes");
            }
            Map<String, Object> json = StrictJson.parseObject(new String(raw, StandardCharsets.UTF_8), MAX_EVENT_DEPTH);
            String arn = string(json, api.arnMember);
            if (arn == null
                    || arn.length() > MAX_ARN_LENGTH
                    || !ARN.matcher(arn).matches()) {
                return AuthorizerEvent.rejected("event without a valid method/route ARN");
            }
            CalledRoute route = CalledRoute.ofArn(arn);
            if (route == null) {
                return AuthorizerEvent.rejected("method/route ARN names no HTTP method");
            }
            return new AuthorizerEvent(json, arn, route, null);
        } catch (StrictJson.Rejected e) {
            return AuthorizerEvent.rejected("event is not strict JSON: " + e.reason);
        } catch (RuntimeException e) {
            return new AuthorizerEvent(
                    null,
                    null,
                    null,
                    Decision.deny(
                            DenyReason.INTERNAL_ERROR,
                            "reading the event threw " + e.getClass().getName()));
        }
    }

    /** The response JSON for the event; throws only {@link UnauthorizedException}. */
    final String handle(AuthorizerEvent event) {
        Decision decision;
        String arn = event.arn();
        Map<String, Object> ctx = null;
        String principal = null;
        try {
            decision = event.rejection() != null ? event.rejection() : authorize(event);
            if (decision.allowed()) {
                principal = principalId(decision.claims());
                ctx = context(decision.claims());
                String problem = principal == null || principal.isEmpty() ? "empty principalId" : checkContext(ctx);
                if (problem != null) {
                    decision = Decision.deny(DenyReason.CONTEXT_INVALID, problem);
                }
            }
            if (decision.allowed()
                    && policyResource == PolicyResource.CALLED_ROUTE
                    && arn.length() > MAX_RESOURCE_LENGTH) {
                decision = Decision.deny(DenyReason.BAD_REQUEST, "route ARN longer than a policy resource may be");
            }
        } catch (Throwable t) {
            decision = Decision.deny(
                    DenyReason.INTERNAL_ERROR, "unexpected " + t.getClass().getName());
        }
        log(decision);
        try {
            onDecision(decision);
        } catch (Throwable t) {
            LOG.warn("bricks-auth onDecision threw {}", t.getClass().getName());
        }
        try {
            return render(decision, arn, principal, ctx);
        } catch (UnauthorizedException e) {
            throw e;
        } catch (Throwable t) {
            Decision failed = Decision.deny(
                    DenyReason.INTERNAL_ERROR, "rendering threw " + t.getClass().getName());
            log(failed);
            return render(failed, arn, null, null);
        }
    }

    /** The token's decision (possibly cached), then {@link #checkClaims} for this route (never cached). */
    private Decision authorize(AuthorizerEvent event) {
        checkGatewayCacheKey(event.json());
        Decision verified = verifier.verify(tokenOf(event.json()));
        if (!verified.allowed()) {
            return verified;
        }
        return JwtVerifier.applyRule(claims -> checkClaims(claims, event.route()), verified.claims());
    }

    /** The correlation id by core's HTTP rule: header {@code x-correlation-id}, else the API request id. */
    private static String correlationId(Map<String, Object> event) {
        String header = header(event, Correlation.HTTP_HEADER);
        if (header != null && !header.isBlank()) {
            return header;
        }
        return event.get("requestContext") instanceof Map<?, ?> rc && rc.get("requestId") instanceof String id
                ? id
                : null;
    }

    /** The raw token value (with or without {@code Bearer }), or null. */
    abstract String tokenOf(Map<String, Object> event);

    /** Null when the context fits the format, else the problem. */
    final String checkContext(Map<String, Object> ctx) {
        return api == Api.REST ? scalarContext(ctx) : jsonContext(ctx);
    }

    /** The response for the decision; may throw {@link UnauthorizedException}. */
    abstract String render(Decision decision, String arn, String principalId, Map<String, Object> ctx);

    final AuthorizerOptions options() {
        return options;
    }

    /** The policy resource mode in force: the configured one, else chosen by whether checkClaims is overridden. */
    final PolicyResource policyResource() {
        return policyResource;
    }

    /** The policy {@code Resource} for the ARN under the mode in force. */
    final String resource(String arn) {
        if (policyResource == PolicyResource.CALLED_ROUTE) {
            return arn;
        }
        int apiSlash = arn.indexOf('/');
        int stageSlash = arn.indexOf('/', apiSlash + 1);
        return arn.substring(0, stageSlash) + "/*/*";
    }

    /** An IAM policy response (REST, HTTP API policy form). */
    final String policy(
            String principalId, String effect, String resource, Map<String, Object> ctx, String usageIdentifierKey) {
        JsonOut out = new JsonOut()
                .raw("{\"principalId\":")
                .string(principalId)
                .raw(
                        ",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"")
                .raw(effect)
                .raw("\",\"Resource\":")
                .string(resource)
                .raw("}]}");
        if (ctx != null) {
            out.raw(",\"context\":").object(ctx);
        }
        if (usageIdentifierKey != null) {
            out.raw(",\"usageIdentifierKey\":").string(usageIdentifierKey);
        }
        return out.raw("}").toString();
    }

    /** The principal id of every Deny policy. */
    static final String DENIED_PRINCIPAL = "anonymous";

    static String header(Map<String, Object> event, String name) {
        if (event.get("headers") instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> e : headers.entrySet()) {
                if (e.getKey() instanceof String k
                        && k.toLowerCase(Locale.ROOT).equals(name)
                        && e.getValue() instanceof String v) {
                    return v;
                }
            }
        }
        return null;
    }

    static String string(Map<String, Object> event, String name) {
        return event.get(name) instanceof String s ? s : null;
    }

    /** REST: strings, numbers and booleans only. */
    static String scalarContext(Map<String, Object> ctx) {
        if (ctx == null) {
            return "context is null";
        }
        for (Map.Entry<String, Object> e : ctx.entrySet()) {
            Object v = e.getValue();
            if (e.getKey() == null || e.getKey().isEmpty()) {
                return "empty context key";
            }
            if (!(v instanceof String || v instanceof Boolean || v instanceof Number)) {
                return "context value of " + e.getKey() + " is not a string, number or boolean";
            }
            if ((v instanceof Double d && !Double.isFinite(d)) || (v instanceof Float f && !Float.isFinite(f))) {
                return "context value of " + e.getKey() + " is not finite";
            }
        }
        return null;
    }

    /** HTTP API 2.0: any JSON value. */
    static String jsonContext(Map<String, Object> ctx) {
        if (ctx == null) {
            return "context is null";
        }
        try {
            new JsonOut().object(ctx);
            return null;
        } catch (IllegalArgumentException e) {
            return "context is not JSON: " + e.getMessage();
        }
    }

    static String joined(List<String> values) {
        return String.join(" ", values);
    }

    private static void log(Decision d) {
        if (d.allowed()) {
            LOG.debug("bricks-auth allow kid={}", d.claims().keyId());
        } else {
            LOG.info("bricks-auth deny reason={} detail={}", d.reason(), d.detail());
        }
    }

    /**
     * Whether the answer can name a route. Simple responses cannot: API Gateway applies a cached
     * {@code isAuthorized: true} to every route.
     */
    boolean policyResponses() {
        return true;
    }

    /**
     * Simple responses cannot name a route, so with route checks API Gateway's authorizer cache must be keyed by
     * the route. The event shows whether it is: the cache key's values arrive as {@code identitySource}, so
     * {@code $context.routeKey} among the identity sources puts the route key there. Checked on the first event,
     * warned about once.
     */
    private void checkGatewayCacheKey(Map<String, Object> event) {
        if (cacheKeyChecked || !routeChecks || policyResponses() || event == null) {
            return;
        }
        cacheKeyChecked = true;
        Object routeKey = event.get("routeKey");
        if (!(event.get("identitySource") instanceof List<?> sources) || !sources.contains(routeKey)) {
            LOG.warn(
                    "bricks-auth: {} overrides checkClaims but simple responses allow every route, and the route "
                            + "key is not among the identity sources; add $context.routeKey to them or turn API "
                            + "Gateway's authorizer cache off",
                    getClass().getName());
        }
    }

    /** Whether a class below JwtAuthorizer declares checkClaims (init-time, once). */
    private static boolean overridesCheckClaims(Class<?> type) {
        for (Class<?> c = type; c != null && c != JwtAuthorizer.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("checkClaims", VerifiedClaims.class, CalledRoute.class);
                return true;
            } catch (NoSuchMethodException e) {
                // not declared here; look further up
            }
        }
        return false;
    }

    /** A well-formed token with an issuer no authorizer trusts: it runs every step up to the issuer check. */
    private String primingToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String alg = options.algorithms().iterator().next().name();
        String header = "{\"alg\":\"" + alg + "\",\"kid\":\"bricks-priming\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"urn:bricks:priming\",\"exp\":0}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".AAAA";
    }

    /** Test access to the SnapStart restore hook. */
    final RestoreRefresh restoreRefresh() {
        return restoreRefresh;
    }
}
