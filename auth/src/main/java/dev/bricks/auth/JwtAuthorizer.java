package dev.bricks.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every Bricks JWT Lambda authorizer: reads the API Gateway event, verifies the token with a
 * {@link JwtVerifier} and writes the response JSON itself. Subclass one of {@link RestTokenAuthorizer},
 * {@link RestRequestAuthorizer}, {@link HttpApiSimpleAuthorizer} or {@link HttpApiPolicyAuthorizer}; pass
 * {@link AuthorizerOptions} to the constructor and optionally override {@link #checkClaims},
 * {@link #context} and {@link #principalId}. The subclass writes no JWT code.
 *
 * <p>The constructor fetches every issuer's JWKS (Lambda init) and registers an {@code org.crac} resource
 * that fetches them again before a SnapStart snapshot. An instance is thread-safe; Lambda uses one per
 * environment. No exception escapes {@link #handleRequest} except the REST {@link UnauthorizedException}.
 */
public abstract class JwtAuthorizer implements RequestStreamHandler {

    static final Logger LOG = LoggerFactory.getLogger(JwtAuthorizer.class);
    static final int MAX_EVENT_BYTES = 1024 * 1024;
    private static final int MAX_EVENT_DEPTH = 32;
    private static final Pattern ARN = Pattern.compile(
            "arn:[a-z0-9-]+:execute-api:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9]+/[^/\\s]+/[^\\s]*");
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
    private final Priming priming;

    JwtAuthorizer(AuthorizerOptions options, Api api) {
        this.options = options;
        this.api = api;
        this.verifier = JwtVerifier.create(options, this::checkClaims);
        Map<String, String> fetched = verifier.prefetchKeys();
        LOG.info("bricks-auth init: JWKS {}", fetched);
        this.priming = Priming.register(verifier);
    }

    /**
     * An extra check on verified claims; throw {@link ClaimCheckException} to deny
     * ({@link DenyReason#CLAIM_CHECK_FAILED}). Any other exception denies with {@link DenyReason#INTERNAL_ERROR}.
     * Default: accept.
     */
    protected void checkClaims(VerifiedClaims claims) throws ClaimCheckException {
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

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String response = handle(input.readNBytes(MAX_EVENT_BYTES + 1));
        output.write(response.getBytes(StandardCharsets.UTF_8));
        output.flush();
    }

    /** The response JSON for the raw event; throws only {@link UnauthorizedException}. */
    final String handle(byte[] event) {
        Decision decision;
        String arn = null;
        Map<String, Object> ctx = null;
        String principal = null;
        try {
            Map<String, Object> json = event.length > MAX_EVENT_BYTES ? null
                    : StrictJson.parseObject(new String(event, StandardCharsets.UTF_8), MAX_EVENT_DEPTH);
            arn = json == null ? null : arnOf(json);
            if (arn == null || arn.length() > MAX_ARN_LENGTH || !ARN.matcher(arn).matches()) {
                decision = Decision.deny(DenyReason.BAD_REQUEST, "event without a valid method/route ARN");
                arn = null;
            } else {
                decision = verifier.verify(tokenOf(json));
            }
            if (decision.allowed()) {
                principal = principalId(decision.claims());
                ctx = context(decision.claims());
                String problem = principal == null || principal.isEmpty() ? "empty principalId" : checkContext(ctx);
                if (problem != null) {
                    decision = Decision.deny(DenyReason.CONTEXT_INVALID, problem);
                }
            }
            if (decision.allowed() && options.policyResource == PolicyResource.CALLED_ROUTE
                    && arn.length() > MAX_RESOURCE_LENGTH) {
                decision = Decision.deny(DenyReason.BAD_REQUEST, "route ARN longer than a policy resource may be");
            }
        } catch (StrictJson.Rejected e) {
            decision = Decision.deny(DenyReason.BAD_REQUEST, "event is not strict JSON: " + e.reason);
        } catch (Throwable t) {
            decision = Decision.deny(DenyReason.INTERNAL_ERROR, "unexpected " + t.getClass().getName());
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
            Decision failed = Decision.deny(DenyReason.INTERNAL_ERROR, "rendering threw " + t.getClass().getName());
            log(failed);
            return render(failed, arn, null, null);
        }
    }

    /** The ARN the policy is about ({@code methodArn} or {@code routeArn}), or null. */
    final String arnOf(Map<String, Object> event) {
        return string(event, api.arnMember);
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

    /** The policy {@code Resource} for the ARN under the configured mode. */
    final String resource(String arn) {
        if (options.policyResource == PolicyResource.CALLED_ROUTE) {
            return arn;
        }
        int apiSlash = arn.indexOf('/');
        int stageSlash = arn.indexOf('/', apiSlash + 1);
        return arn.substring(0, stageSlash) + "/*/*";
    }

    /** An IAM policy response (REST, HTTP API policy form). */
    final String policy(String principalId, String effect, String resource, Map<String, Object> ctx,
            String usageIdentifierKey) {
        JsonOut out = new JsonOut().raw("{\"principalId\":").string(principalId)
                .raw(",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"")
                .raw(effect).raw("\",\"Resource\":").string(resource).raw("}]}");
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
                if (e.getKey() instanceof String k && k.toLowerCase(Locale.ROOT).equals(name)
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

    /** Test access to the SnapStart hook. */
    final Priming priming() {
        return priming;
    }
}
