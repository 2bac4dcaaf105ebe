package dev.bricks.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies bearer JWTs with a pipeline that is closed at every step; the engine behind every authorizer base
 * class, usable on its own. Thread-safe; create once per environment (it owns the JWKS caches).
 *
 * <p>Order: {@code Bearer } strip (any case) → size → decision cache → three strict base64url segments →
 * header step ({@link HeaderCheck}: strict JSON, JWS only, {@code alg} allow-list, no
 * {@code jku}/{@code x5u}/{@code x5c}/{@code jwk}, no {@code crit}, {@code kid}, {@code typ}) → strict JSON
 * payload and {@code iss} among configured issuers → key selection by {@code kid} from that issuer's JWKS
 * ({@code kty}, curve, {@code use}, {@code alg}, {@code key_ops} must fit) → signature → claims step
 * ({@link ClaimsCheck}: {@code aud} / Cognito, {@code exp} (required), {@code nbf}, {@code iat}, lifetime,
 * scopes, groups) → the caller's rule. {@link #verify(String)} never throws: every throwable becomes a deny with
 * a {@link DenyReason}.
 *
 * <pre>{@code
 * JwtVerifier verifier = JwtVerifier.create(AuthorizerOptions.builder()
 *         .issuer(Issuer.discovery("https://login.example.com"))
 *         .audiences("api://orders")
 *         .build());
 * Decision decision = verifier.verify(request.header("authorization").orElse(null));
 * }</pre>
 */
public final class JwtVerifier {

    /** A caller's extra check on verified claims; throw {@link ClaimCheckException} to deny. */
    @FunctionalInterface
    public interface ClaimRule {
        /** Inspects verified claims; throwing any exception denies. */
        void check(VerifiedClaims claims) throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JwtVerifier.class);
    private static final int MAX_VERIFIERS = 64;

    /** A decision and the instant until which an allow may be cached (its {@code exp}). */
    private record Verification(Decision decision, long expiresAtMillis) {
        static Verification denied(Decision denial) {
            return new Verification(denial, Long.MIN_VALUE);
        }
    }

    /**
     * A payload whose {@code iss} is configured.
     *
     * @param claims the parsed claims, not yet verified
     * @param issuerKeys the key source of its issuer
     */
    private record Payload(Map<String, Object> claims, IssuerKeys issuerKeys) {}

    private final AuthorizerOptions options;
    private final ClaimRule rule;
    private final Map<String, IssuerKeys> keys;
    private final DecisionCache cache;
    private final HeaderCheck headerCheck;
    private final ClaimsCheck claimsCheck;
    private final Map<JWK, JWSVerifier> verifiers = new ConcurrentHashMap<>();

    private JwtVerifier(AuthorizerOptions options, ClaimRule rule) {
        this.options = options;
        this.rule = rule;
        Map<String, IssuerKeys> k = new LinkedHashMap<>();
        options.issuers().forEach((iss, issuer) -> k.put(iss, new IssuerKeys(issuer, options)));
        this.keys = Map.copyOf(k);
        this.cache = options.decisionCacheSize() == 0
                ? null
                : new DecisionCache(
                        options.decisionCacheSize(), options.decisionCacheTtl().toMillis(), options.clock());
        this.headerCheck = new HeaderCheck(options);
        this.claimsCheck = new ClaimsCheck(options);
    }
    /** A verifier for the options, without an extra claim rule. Fetches no keys yet (see {@link #prefetchKeys()}). */
    public static JwtVerifier create(AuthorizerOptions options) {
        return create(options, claims -> {});
    }

    /** A verifier for the options with an extra claim rule run last. */
    public static JwtVerifier create(AuthorizerOptions options, ClaimRule rule) {
        if (options == null || rule == null) {
            throw new IllegalArgumentException("options and rule must not be null");
        }
        return new JwtVerifier(options, rule);
    }

    /** The options this verifier enforces; never null. */
    public AuthorizerOptions options() {
        return options;
    }

    /**
     * Fetches every issuer's JWKS now (init, SnapStart priming). Failures are returned, not thrown: the
     * verifier keeps trying on later calls (rate-limited).
     *
     * @return per issuer, the number of keys fetched or the failure's class and message; never null
     */
    public Map<String, String> prefetchKeys() {
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach((iss, k) -> {
            try {
                out.put(iss, k.prefetch() + " keys");
            } catch (Exception e) {
                out.put(iss, "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        });
        return out;
    }

    /**
     * Verifies the value of an {@code Authorization} header or a TOKEN authorizer's token.
     *
     * @param authorizationValue the token with or without {@code Bearer }; may be null (→ MISSING_TOKEN)
     * @return the decision; never null, never throws
     */
    public Decision verify(String authorizationValue) {
        try {
            if (authorizationValue == null || authorizationValue.isEmpty()) {
                return Decision.deny(DenyReason.MISSING_TOKEN, "no token");
            }
            if (authorizationValue.length() > options.maxTokenSize() + 7) {
                return Decision.deny(DenyReason.TOKEN_TOO_LARGE, "token longer than " + options.maxTokenSize());
            }
            String token = TokenShape.stripBearer(authorizationValue);
            if (token.isEmpty()) {
                return Decision.deny(DenyReason.MISSING_TOKEN, "empty bearer token");
            }
            if (token.length() > options.maxTokenSize()) {
                return Decision.deny(DenyReason.TOKEN_TOO_LARGE, "token longer than " + options.maxTokenSize());
            }
            if (cache == null) {
                return verifyUncached(token).decision();
            }
            DecisionCache.Key key = DecisionCache.key(token);
            Decision cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            Verification v = verifyUncached(token);
            cache.put(key, v.decision(), v.expiresAtMillis());
            return v.decision();
        } catch (Throwable t) {
            return Decision.deny(
                    DenyReason.INTERNAL_ERROR, "unexpected " + t.getClass().getName());
        }
    }

    private Verification verifyUncached(String token) {
        TokenShape.Segments segments = TokenShape.segments(token);
        if (segments == null) {
            return Verification.denied(
                    Decision.deny(DenyReason.MALFORMED_TOKEN, "not three strict base64url segments"));
        }
        Step<HeaderCheck.Header> header = headerCheck.check(segments.header());
        if (header.denied()) {
            return Verification.denied(header.denial());
        }
        Step<Payload> payload = payload(segments.payload());
        if (payload.denied()) {
            return Verification.denied(payload.denial());
        }
        Step<List<JWK>> candidates = selectKeys(payload.value().issuerKeys(), header.value());
        if (candidates.denied()) {
            return Verification.denied(candidates.denial());
        }
        Step<JWK> signer = verifySignature(candidates.value(), header.value(), segments);
        if (signer.denied()) {
            return Verification.denied(signer.denial());
        }
        Step<ClaimsCheck.ValidClaims> claims =
                claimsCheck.check(payload.value().claims(), header.value().kid());
        if (claims.denied()) {
            return Verification.denied(claims.denial());
        }
        Decision ruled = applyRule(rule, claims.value().claims());
        return new Verification(ruled, claims.value().expiresAtMillis());
    }

    /**
     * Runs a claim rule on verified claims: allowed when it returns, {@link DenyReason#CLAIM_CHECK_FAILED} when it
     * throws {@link ClaimCheckException} (its message, which may quote claim values, is logged at DEBUG only),
     * {@link DenyReason#INTERNAL_ERROR} for anything else.
     */
    static Decision applyRule(ClaimRule rule, VerifiedClaims claims) {
        try {
            rule.check(claims);
            return Decision.allow(claims);
        } catch (ClaimCheckException e) {
            LOG.debug("bricks-auth claim check failed: {}", e.getMessage());
            return Decision.deny(DenyReason.CLAIM_CHECK_FAILED, "claim check failed");
        } catch (Exception e) {
            return Decision.deny(
                    DenyReason.INTERNAL_ERROR,
                    "claim rule threw " + e.getClass().getName());
        }
    }

    private Step<Payload> payload(String segment) {
        Map<String, Object> claims;
        try {
            claims = TokenShape.json(segment, options.maxJsonDepth());
        } catch (StrictJson.Rejected e) {
            return Step.deny(e.reason, "payload: " + e.getMessage());
        }
        IssuerKeys issuerKeys = claims.get("iss") instanceof String iss ? keys.get(iss) : null;
        if (issuerKeys == null) {
            return Step.deny(DenyReason.ISSUER_NOT_ALLOWED, "iss missing or not configured");
        }
        return Step.pass(new Payload(claims, issuerKeys));
    }

    /** The issuer's keys with the header's {@code kid} that fit its algorithm; never an empty list. */
    private static Step<List<JWK>> selectKeys(IssuerKeys issuerKeys, HeaderCheck.Header header) {
        List<JWK> candidates;
        try {
            JWKMatcher.Builder matcher = new JWKMatcher.Builder();
            if (header.kid() != null) {
                matcher.keyID(header.kid());
            }
            candidates = issuerKeys.byKid(new JWKSelector(matcher.build()));
        } catch (RateLimitReachedException e) {
            if (!issuerKeys.fetchedOnce()) {
                return Step.deny(DenyReason.KEY_SOURCE_UNAVAILABLE, "no JWKS yet; refresh rate-limited");
            }
            return Step.deny(DenyReason.KID_UNKNOWN, "kid unknown; JWKS refresh rate-limited");
        } catch (KeySourceException e) {
            return Step.deny(
                    DenyReason.KEY_SOURCE_UNAVAILABLE,
                    "JWKS unavailable: " + e.getClass().getSimpleName());
        }
        if (candidates.isEmpty()) {
            return Step.deny(DenyReason.KID_UNKNOWN, "no key with this kid");
        }
        List<JWK> fitting = new ArrayList<>(1);
        for (JWK k : candidates) {
            if (fits(k, header.algorithm())) {
                fitting.add(k);
            }
        }
        if (fitting.isEmpty()) {
            return Step.deny(
                    DenyReason.KEY_MISMATCH,
                    "key type/use/alg does not fit " + header.algorithm().name());
        }
        return Step.pass(fitting);
    }

    /** The key whose signature verifies. */
    private Step<JWK> verifySignature(List<JWK> keys, HeaderCheck.Header header, TokenShape.Segments segments) {
        byte[] signingInput = segments.signingInput().getBytes(StandardCharsets.US_ASCII);
        Base64URL signature = new Base64URL(segments.signature());
        for (JWK k : keys) {
            try {
                if (verifier(k).verify(header.jws(), signingInput, signature)) {
                    return Step.pass(k);
                }
            } catch (JOSEException e) {
                // an unusable signature encoding: same as a bad signature
            }
        }
        return Step.deny(DenyReason.SIGNATURE_INVALID, "signature does not verify");
    }

    private static boolean fits(JWK k, SignatureAlgorithm algorithm) {
        if (!algorithm.keyType.equals(k.getKeyType().getValue())) {
            return false;
        }
        if (k.getKeyUse() != null && !KeyUse.SIGNATURE.equals(k.getKeyUse())) {
            return false;
        }
        if (k.getAlgorithm() != null
                && !algorithm.name().equals(k.getAlgorithm().getName())) {
            return false;
        }
        if (k.getKeyOperations() != null && !k.getKeyOperations().contains(KeyOperation.VERIFY)) {
            return false;
        }
        if (k instanceof RSAKey rsa) {
            return rsa.size() >= 2048;
        }
        if (k instanceof ECKey ec) {
            return ec.getCurve() != null && algorithm.curve.equals(ec.getCurve().getName());
        }
        return false;
    }

    private JWSVerifier verifier(JWK k) throws JOSEException {
        JWSVerifier v = verifiers.get(k);
        if (v == null) {
            v = k instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) k);
            if (verifiers.size() >= MAX_VERIFIERS) {
                verifiers.clear();
            }
            verifiers.put(k, v);
        }
        return v;
    }
}
