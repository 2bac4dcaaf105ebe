package dev.bricks.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies bearer JWTs with a pipeline that is closed at every step; the engine behind every authorizer base
 * class, usable on its own. Thread-safe; create once per environment (it owns the JWKS caches).
 *
 * <p>Order: {@code Bearer } strip (any case) → size → decision cache → three strict base64url segments →
 * strict JSON header (no duplicates, bounded depth) → JWS only → {@code alg} allow-list → no
 * {@code jku}/{@code x5u}/{@code x5c}/{@code jwk} → no {@code crit} → {@code kid} → {@code typ} → strict JSON
 * payload → {@code iss} among configured issuers → key by {@code kid} from that issuer's JWKS ({@code kty},
 * curve, {@code use}, {@code alg}, {@code key_ops} must fit) → signature → {@code aud} / Cognito →
 * {@code exp} (required) → {@code nbf} → {@code iat} → lifetime → scopes → groups → the caller's rule.
 * {@link #verify(String)} never throws: every throwable becomes a deny with a {@link DenyReason}.
 */
public final class JwtVerifier {

    /** A caller's extra check on verified claims; throw {@link ClaimCheckException} to deny. */
    @FunctionalInterface
    public interface ClaimRule {
        /** Inspects verified claims; throwing any exception denies. */
        void check(VerifiedClaims claims) throws Exception;
    }

    private static final String[] KEY_REFERENCE_HEADERS = {"jku", "x5u", "x5c", "jwk"};
    private static final int MAX_VERIFIERS = 64;

    private final AuthorizerOptions options;
    private final ClaimRule rule;
    private final Map<String, IssuerKeys> keys;
    private final DecisionCache cache;
    private final long skewMillis;
    private final Map<JWK, JWSVerifier> verifiers = new ConcurrentHashMap<>();

    private JwtVerifier(AuthorizerOptions options, ClaimRule rule) {
        this.options = options;
        this.rule = rule;
        Map<String, IssuerKeys> k = new LinkedHashMap<>();
        options.issuers.forEach((iss, issuer) -> k.put(iss, new IssuerKeys(issuer, options)));
        this.keys = Map.copyOf(k);
        this.cache = options.decisionCacheSize == 0 ? null
                : new DecisionCache(options.decisionCacheSize, options.decisionCacheTtl.toMillis(), options.clock);
        this.skewMillis = options.clockSkew.toMillis();
    }

    /** A verifier for the options, without an extra claim rule. Fetches no keys yet (see {@link #prefetchKeys()}). */
    public static JwtVerifier create(AuthorizerOptions options) {
        return create(options, claims -> { });
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
            if (authorizationValue.length() > options.maxTokenSize + 7) {
                return Decision.deny(DenyReason.TOKEN_TOO_LARGE, "token longer than " + options.maxTokenSize);
            }
            String token = TokenShape.stripBearer(authorizationValue);
            if (token.isEmpty()) {
                return Decision.deny(DenyReason.MISSING_TOKEN, "empty bearer token");
            }
            if (token.length() > options.maxTokenSize) {
                return Decision.deny(DenyReason.TOKEN_TOO_LARGE, "token longer than " + options.maxTokenSize);
            }
            if (cache == null) {
                return verifyUncached(token, null);
            }
            DecisionCache.Key key = DecisionCache.key(token);
            Decision cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            long[] exp = new long[1];
            Decision d = verifyUncached(token, exp);
            cache.put(key, d, exp[0]);
            return d;
        } catch (Throwable t) {
            return Decision.deny(DenyReason.INTERNAL_ERROR, "unexpected " + t.getClass().getName());
        }
    }

    private Decision verifyUncached(String token, long[] expOut) {
        long dots = TokenShape.segments(token);
        if (dots < 0) {
            return Decision.deny(DenyReason.MALFORMED_TOKEN, "not three strict base64url segments");
        }
        int d1 = (int) (dots >>> 32);
        int d2 = (int) dots;
        String h64 = token.substring(0, d1);
        Map<String, Object> header;
        Map<String, Object> claims;
        try {
            header = parseSegment(h64);
        } catch (StrictJson.Rejected e) {
            return Decision.deny(e.reason, "header: " + e.getMessage());
        }

        if (header.containsKey("enc")) {
            return Decision.deny(DenyReason.NOT_JWS, "JWE header");
        }
        if (!(header.get("alg") instanceof String alg)) {
            return Decision.deny(DenyReason.NOT_JWS, "no alg");
        }
        if ("none".equalsIgnoreCase(alg)) {
            return Decision.deny(DenyReason.NOT_JWS, "unsecured JWT");
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.byName(alg);
        if (algorithm == null || !options.algorithms.contains(algorithm)) {
            return Decision.deny(DenyReason.ALG_NOT_ALLOWED, "alg not allowed");
        }
        for (String name : KEY_REFERENCE_HEADERS) {
            if (header.containsKey(name)) {
                return Decision.deny(DenyReason.KEY_REFERENCE_HEADER, name + " header present");
            }
        }
        if (header.containsKey("crit")) {
            return Decision.deny(DenyReason.CRIT_UNSUPPORTED, "crit header present");
        }
        Object kidValue = header.get("kid");
        if (kidValue == null) {
            if (options.requireKid) {
                return Decision.deny(DenyReason.KID_MISSING, "no kid");
            }
        } else if (!(kidValue instanceof String s) || s.isEmpty()) {
            return Decision.deny(DenyReason.HEADER_INVALID, "kid is not a non-empty string");
        }
        String kid = (String) kidValue;
        Object typ = header.get("typ");
        if (typ == null) {
            if (!options.allowMissingType) {
                return Decision.deny(DenyReason.TYP_NOT_ALLOWED, "typ missing");
            }
        } else if (!(typ instanceof String t) || !options.types.contains(AuthorizerOptions.normaliseType(t))) {
            return Decision.deny(DenyReason.TYP_NOT_ALLOWED, "typ not allowed");
        }
        JWSHeader jwsHeader;
        try {
            jwsHeader = JWSHeader.parse(header, new Base64URL(h64));
        } catch (ParseException e) {
            return Decision.deny(DenyReason.HEADER_INVALID, "header rejected by JWS parser");
        }

        try {
            claims = parseSegment(token.substring(d1 + 1, d2));
        } catch (StrictJson.Rejected e) {
            return Decision.deny(e.reason, "payload: " + e.getMessage());
        }
        IssuerKeys issuerKeys = claims.get("iss") instanceof String iss ? keys.get(iss) : null;
        if (issuerKeys == null) {
            return Decision.deny(DenyReason.ISSUER_NOT_ALLOWED, "iss missing or not configured");
        }

        List<JWK> candidates;
        try {
            JWKMatcher.Builder matcher = new JWKMatcher.Builder();
            if (kid != null) {
                matcher.keyID(kid);
            }
            candidates = issuerKeys.byKid(new JWKSelector(matcher.build()));
        } catch (RateLimitReachedException e) {
            if (!issuerKeys.fetchedOnce()) {
                return Decision.deny(DenyReason.KEY_SOURCE_UNAVAILABLE, "no JWKS yet; refresh rate-limited");
            }
            return Decision.deny(DenyReason.KID_UNKNOWN, "kid unknown; JWKS refresh rate-limited");
        } catch (KeySourceException e) {
            return Decision.deny(DenyReason.KEY_SOURCE_UNAVAILABLE,
                    "JWKS unavailable: " + e.getClass().getSimpleName());
        }
        if (candidates.isEmpty()) {
            return Decision.deny(DenyReason.KID_UNKNOWN, "no key with this kid");
        }
        List<JWK> fitting = new ArrayList<>(1);
        for (JWK k : candidates) {
            if (fits(k, algorithm)) {
                fitting.add(k);
            }
        }
        if (fitting.isEmpty()) {
            return Decision.deny(DenyReason.KEY_MISMATCH, "key type/use/alg does not fit " + alg);
        }
        byte[] signingInput = token.substring(0, d2).getBytes(StandardCharsets.US_ASCII);
        Base64URL signature = new Base64URL(token.substring(d2 + 1));
        boolean verified = false;
        for (JWK k : fitting) {
            try {
                if (verifier(k).verify(jwsHeader, signingInput, signature)) {
                    verified = true;
                    break;
                }
            } catch (JOSEException e) {
                // an unusable signature encoding: same as a bad signature
            }
        }
        if (!verified) {
            return Decision.deny(DenyReason.SIGNATURE_INVALID, "signature does not verify");
        }
        return checkClaims(claims, kid, expOut);
    }

    private Decision checkClaims(Map<String, Object> claims, String kid, long[] expOut) {
        if (!options.audiences.isEmpty()) {
            Object aud = claims.get("aud");
            boolean ok = false;
            if (aud instanceof String a) {
                ok = options.audiences.contains(a);
            } else if (aud instanceof List<?> list) {
                for (Object a : list) {
                    if (!(a instanceof String)) {
                        return Decision.deny(DenyReason.CLAIMS_INVALID, "aud holds a non-string");
                    }
                    ok |= options.audiences.contains(a);
                }
            } else if (aud != null) {
                return Decision.deny(DenyReason.CLAIMS_INVALID, "aud is neither string nor list");
            }
            if (!ok) {
                return Decision.deny(DenyReason.AUDIENCE_NOT_ALLOWED, "aud missing or not allowed");
            }
        }
        if (options.tokenUse != null) {
            if (!options.tokenUse.claim.equals(claims.get("token_use"))) {
                return Decision.deny(DenyReason.TOKEN_USE_NOT_ALLOWED, "token_use is not " + options.tokenUse.claim);
            }
            if (options.tokenUse == AuthorizerOptions.TokenUse.ACCESS
                    && !options.clientIds.contains(claims.get("client_id"))) {
                return Decision.deny(DenyReason.CLIENT_ID_NOT_ALLOWED, "client_id not allowed");
            }
        }
        if (claims.containsKey("sub") && !(claims.get("sub") instanceof String)) {
            return Decision.deny(DenyReason.CLAIMS_INVALID, "sub is not a string");
        }
        if (!claims.containsKey("exp")) {
            return Decision.deny(DenyReason.EXP_MISSING, "no exp");
        }
        long now = options.clock.millis();
        long exp = millis(claims.get("exp"));
        long nbf = claims.containsKey("nbf") ? millis(claims.get("nbf")) : Long.MIN_VALUE;
        long iat = claims.containsKey("iat") ? millis(claims.get("iat")) : Long.MIN_VALUE;
        if (exp == Long.MIN_VALUE || (claims.containsKey("nbf") && nbf == Long.MIN_VALUE)
                || (claims.containsKey("iat") && iat == Long.MIN_VALUE)) {
            return Decision.deny(DenyReason.CLAIMS_INVALID, "exp/nbf/iat is not a NumericDate");
        }
        if (now >= exp + skewMillis) {
            return Decision.deny(DenyReason.EXPIRED, "expired");
        }
        if (nbf != Long.MIN_VALUE && nbf - skewMillis > now) {
            return Decision.deny(DenyReason.NOT_YET_VALID, "nbf in the future");
        }
        if (iat != Long.MIN_VALUE && iat - skewMillis > now) {
            return Decision.deny(DenyReason.IAT_IN_FUTURE, "iat in the future");
        }
        if (options.maxLifetime != null) {
            if (iat == Long.MIN_VALUE) {
                return Decision.deny(DenyReason.IAT_MISSING, "no iat with a maximum lifetime");
            }
            if (exp - iat > options.maxLifetime.toMillis()) {
                return Decision.deny(DenyReason.LIFETIME_TOO_LONG, "exp - iat exceeds " + options.maxLifetime);
            }
        }
        VerifiedClaims verified = new VerifiedClaims(claims, kid);
        if (!options.requiredScopes.isEmpty() && !verified.scopes().containsAll(options.requiredScopes)) {
            return Decision.deny(DenyReason.SCOPE_MISSING, "a required scope is missing");
        }
        if (!options.anyOfGroups.isEmpty()) {
            boolean member = false;
            for (String g : verified.groups()) {
                member |= options.anyOfGroups.contains(g);
            }
            if (!member) {
                return Decision.deny(DenyReason.GROUP_MISSING, "in none of the required groups");
            }
        }
        try {
            rule.check(verified);
        } catch (ClaimCheckException e) {
            return Decision.deny(DenyReason.CLAIM_CHECK_FAILED, "claim rule: " + e.getMessage());
        } catch (Exception e) {
            return Decision.deny(DenyReason.INTERNAL_ERROR, "claim rule threw " + e.getClass().getName());
        }
        if (expOut != null) {
            expOut[0] = exp;
        }
        return Decision.allow(verified);
    }

    /** NumericDate seconds → epoch millis; Long.MIN_VALUE when not a number or out of a sane range. */
    private static long millis(Object v) {
        if (v instanceof Long l) {
            return l >= 0 && l < 100_000_000_000L ? l * 1000 : Long.MIN_VALUE;
        }
        if (v instanceof Double d) {
            return d >= 0 && d < 1e11 ? (long) (d * 1000) : Long.MIN_VALUE;
        }
        return Long.MIN_VALUE;
    }

    private static boolean fits(JWK k, SignatureAlgorithm algorithm) {
        if (!algorithm.keyType.equals(k.getKeyType().getValue())) {
            return false;
        }
        if (k.getKeyUse() != null && !KeyUse.SIGNATURE.equals(k.getKeyUse())) {
            return false;
        }
        if (k.getAlgorithm() != null && !algorithm.name().equals(k.getAlgorithm().getName())) {
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

    private Map<String, Object> parseSegment(String b64) throws StrictJson.Rejected {
        byte[] bytes = Base64.getUrlDecoder().decode(b64);
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new StrictJson.Rejected(DenyReason.MALFORMED_JSON, "not UTF-8");
        }
        return StrictJson.parseObject(json, options.maxJsonDepth);
    }
}
