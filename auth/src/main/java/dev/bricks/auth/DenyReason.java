package dev.bricks.auth;

/**
 * Why a request was denied. Every deny carries exactly one code; it is logged (never the token) and available
 * to tests and subclasses.
 *
 * <p>{@link #unauthorized()} codes make a REST authorizer fail with the message {@code Unauthorized} (API
 * Gateway answers 401); the others produce an explicit Deny policy (403). {@link #cacheable()} says whether
 * the deny may be kept in the decision cache: only outcomes that cannot change while the token stays the same
 * are; key-source trouble and time-dependent outcomes never are.
 */
public enum DenyReason {
    /** No token in the event (empty header, missing field). */
    MISSING_TOKEN(true, false),
    /** The token is longer than {@code maxTokenSize}. */
    TOKEN_TOO_LARGE(true, false),
    /** Not three strict base64url segments (padding, whitespace, other characters, wrong count, bad bits). */
    MALFORMED_TOKEN(true, false),
    /** Header or payload is not UTF-8 JSON with an object at the top. */
    MALFORMED_JSON(true, false),
    /** A member name appears twice in the header or payload object. */
    DUPLICATE_MEMBER(true, false),
    /** Header or payload nests deeper than {@code maxJsonDepth}. */
    JSON_TOO_DEEP(true, false),
    /** Not a JWS: an unsecured JWT ({@code alg: none} in any spelling) or a JWE header. */
    NOT_JWS(false, false),
    /** {@code alg} is not in the allow-list (HMAC never is). */
    ALG_NOT_ALLOWED(false, false),
    /** No {@code kid} in the header. */
    KID_MISSING(false, false),
    /** The header carries {@code jku}, {@code x5u}, {@code x5c} or {@code jwk}; they are never followed. */
    KEY_REFERENCE_HEADER(false, false),
    /** The header has a {@code crit} member; Bricks understands no critical extension. */
    CRIT_UNSUPPORTED(false, false),
    /** {@code typ} is not in the allowed set. */
    TYP_NOT_ALLOWED(false, false),
    /** A header member has the wrong JSON type. */
    HEADER_INVALID(false, false),
    /** {@code iss} is missing or not exactly one of the configured issuers. */
    ISSUER_NOT_ALLOWED(false, false),
    /** No key with the token's {@code kid} in the issuer's JWKS (after a rate-limited refresh). */
    KID_UNKNOWN(false, false),
    /** The key under {@code kid} does not fit: wrong {@code kty}/curve, {@code use} not sig, other {@code alg}, RSA under 2048 bits. */
    KEY_MISMATCH(false, false),
    /** The issuer's JWKS could not be fetched or parsed (down, slow, garbage, too large). Never cached. */
    KEY_SOURCE_UNAVAILABLE(true, false),
    /** The signature does not verify. */
    SIGNATURE_INVALID(false, true),
    /** A registered claim has the wrong type (e.g. {@code exp} as a string). */
    CLAIMS_INVALID(false, true),
    /** No {@code exp}. */
    EXP_MISSING(false, true),
    /** {@code exp} is in the past by more than the clock skew. */
    EXPIRED(false, true),
    /** {@code nbf} is in the future by more than the clock skew. */
    NOT_YET_VALID(false, false),
    /** {@code iat} is in the future by more than the clock skew. */
    IAT_IN_FUTURE(false, false),
    /** A maximum lifetime is configured and {@code iat} is missing. */
    IAT_MISSING(false, true),
    /** {@code exp - iat} exceeds the configured maximum lifetime. */
    LIFETIME_TOO_LONG(false, true),
    /** {@code aud} is missing or holds no allowed audience. */
    AUDIENCE_NOT_ALLOWED(false, true),
    /** Cognito preset: {@code token_use} is not the configured one. */
    TOKEN_USE_NOT_ALLOWED(false, true),
    /** Cognito access-token preset: {@code client_id} is not allowed. */
    CLIENT_ID_NOT_ALLOWED(false, true),
    /** A required scope is missing. */
    SCOPE_MISSING(false, true),
    /** None of the required groups is present. */
    GROUP_MISSING(false, true),
    /** The subclass' own claim check rejected the token. */
    CLAIM_CHECK_FAILED(false, true),
    /** The subclass' context mapping produced a value the response format cannot carry. */
    CONTEXT_INVALID(false, false),
    /** The authorizer event itself is unreadable or lacks its ARN. */
    BAD_REQUEST(true, false),
    /** Any other throwable (including from subclass code); logged with its class name only. */
    INTERNAL_ERROR(false, false);

    private final boolean unauthorized;
    private final boolean cacheable;

    DenyReason(boolean unauthorized, boolean cacheable) {
        this.unauthorized = unauthorized;
        this.cacheable = cacheable;
    }

    /**
     * Whether a REST authorizer answers with the {@code Unauthorized} failure (401) instead of a Deny policy:
     * true for a missing or malformed token, an unreadable event and a key-source outage.
     */
    public boolean unauthorized() {
        return unauthorized;
    }

    /** Whether the decision cache may keep this deny. */
    public boolean cacheable() {
        return cacheable;
    }
}
