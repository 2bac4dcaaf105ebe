package dev.bricks.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an authorizer verifies and how it fetches keys. Build with {@link #builder()}; immutable and
 * thread-safe once built. Defaults are closed: RS256 only, {@code kid} required, {@code exp} required, 60 s skew,
 * 8 KiB tokens, {@code typ} absent / {@code JWT} / {@code at+jwt}, whole-API policies (per-route policies when
 * the authorizer overrides {@code checkClaims}).
 *
 * <pre>{@code
 * AuthorizerOptions options = AuthorizerOptions.builder()
 *         .issuer(Issuer.cognito("eu-west-1", "eu-west-1_AbCdEf123"))
 *         .cognitoAccessTokens("3n4b5urk1ft4fl3mg5e62d9ado")
 *         .jwksCacheTtl(Duration.ofMinutes(10))
 *         .noDecisionCache()
 *         .build();
 * }</pre>
 */
public final class AuthorizerOptions {

    /** Default clock skew: 60 seconds. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    /** Largest clock skew the builder accepts: 5 minutes. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** Default maximum token length after the {@code Bearer } prefix: 8192 characters. */
    public static final int DEFAULT_MAX_TOKEN_SIZE = 8 * 1024;
    /** Default maximum JSON nesting depth of header and payload (the top object counts as 1): 10. */
    public static final int DEFAULT_MAX_JSON_DEPTH = 10;
    /** Default {@code typ} values (compared case-insensitively, {@code application/} prefix ignored). */
    public static final Set<String> DEFAULT_TYPES = Set.of("jwt", "at+jwt");
    /** Default decision-cache size: 1024 entries. */
    public static final int DEFAULT_DECISION_CACHE_SIZE = 1024;
    /** Default decision-cache time to live: 5 minutes (an entry also never outlives the token's {@code exp}). */
    public static final Duration DEFAULT_DECISION_CACHE_TTL = Duration.ofMinutes(5);
    /** Default JWKS cache time to live: 5 minutes. */
    public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(5);
    /** Default refresh-ahead window before the JWKS cache expires: 30 seconds. */
    public static final Duration DEFAULT_JWKS_REFRESH_AHEAD = Duration.ofSeconds(30);
    /** Default wait for a JWKS refresh in progress: 2 seconds. */
    public static final Duration DEFAULT_JWKS_REFRESH_TIMEOUT = Duration.ofSeconds(2);
    /** Default minimum interval between JWKS fetches triggered by unknown {@code kid}s: 30 seconds. */
    public static final Duration DEFAULT_JWKS_RATE_LIMIT = Duration.ofSeconds(30);
    /** Default time cached keys stay usable while the JWKS endpoint is down: 15 minutes. */
    public static final Duration DEFAULT_JWKS_OUTAGE_TOLERANCE = Duration.ofMinutes(15);
    /** Default JWKS connect and read timeouts: 500 ms each. */
    public static final Duration DEFAULT_JWKS_TIMEOUT = Duration.ofMillis(500);
    /** Default JWKS response size limit: 51200 bytes. */
    public static final int DEFAULT_JWKS_SIZE_LIMIT = 50 * 1024;

    /** Which Cognito token kind a preset accepts. */
    public enum TokenUse {
        /** Access tokens: {@code token_use=access}, {@code client_id} checked, no {@code aud}. */
        ACCESS("access"),
        /** ID tokens: {@code token_use=id}, {@code aud} checked against the client ids. */
        ID("id");

        final String claim;

        TokenUse(String claim) {
            this.claim = claim;
        }
    }

    private final Map<String, Issuer> issuers;
    private final Set<String> audiences;
    private final Set<SignatureAlgorithm> algorithms;
    private final Duration clockSkew;
    private final int maxTokenSize;
    private final int maxJsonDepth;
    private final Duration maxLifetime;
    private final Set<String> types;
    private final boolean allowMissingType;
    private final boolean requireKid;
    private final Set<String> requiredScopes;
    private final Set<String> anyOfGroups;
    private final TokenUse tokenUse;
    private final Set<String> clientIds;
    private final int decisionCacheSize;
    private final Duration decisionCacheTtl;
    private final PolicyResource policyResource;
    private final Duration jwksCacheTtl;
    private final Duration jwksRefreshAhead;
    private final Duration jwksRefreshTimeout;
    private final Duration jwksRateLimit;
    private final Duration jwksOutageTolerance;
    private final Duration jwksConnectTimeout;
    private final Duration jwksReadTimeout;
    private final int jwksSizeLimit;
    private final String tokenHeader;
    private final Clock clock;

    private AuthorizerOptions(Builder b) {
        this.issuers = Collections.unmodifiableMap(new LinkedHashMap<>(b.issuers));
        this.audiences = Set.copyOf(b.audiences);
        this.algorithms = Collections.unmodifiableSet(EnumSet.copyOf(b.algorithms));
        this.clockSkew = b.clockSkew;
        this.maxTokenSize = b.maxTokenSize;
        this.maxJsonDepth = b.maxJsonDepth;
        this.maxLifetime = b.maxLifetime;
        this.types = Set.copyOf(b.types);
        this.allowMissingType = b.allowMissingType;
        this.requireKid = b.requireKid;
        this.requiredScopes = Set.copyOf(b.requiredScopes);
        this.anyOfGroups = Set.copyOf(b.anyOfGroups);
        this.tokenUse = b.tokenUse;
        this.clientIds = Set.copyOf(b.clientIds);
        this.decisionCacheSize = b.decisionCacheSize;
        this.decisionCacheTtl = b.decisionCacheTtl;
        this.policyResource = b.policyResource;
        this.jwksCacheTtl = b.jwksCacheTtl;
        this.jwksRefreshAhead = b.jwksRefreshAhead;
        this.jwksRefreshTimeout = b.jwksRefreshTimeout;
        this.jwksRateLimit = b.jwksRateLimit;
        this.jwksOutageTolerance = b.jwksOutageTolerance;
        this.jwksConnectTimeout = b.jwksConnectTimeout;
        this.jwksReadTimeout = b.jwksReadTimeout;
        this.jwksSizeLimit = b.jwksSizeLimit;
        this.tokenHeader = b.tokenHeader;
        this.clock = b.clock;
    }

    /** A builder with the documented defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configured issuers by exact {@code iss}; never null, never empty. */
    public Map<String, Issuer> issuers() {
        return issuers;
    }

    /**
     * The policy resource mode set with {@link Builder#policyResource}; empty when not set, and then the
     * authorizer chooses (see {@link PolicyResource}).
     */
    public Optional<PolicyResource> policyResource() {
        return Optional.ofNullable(policyResource);
    }

    /** The clock used for every time check; never null. */
    public Clock clock() {
        return clock;
    }

    // Package-private view for the verifier, the key sources and the authorizers.

    Set<String> audiences() {
        return audiences;
    }

    Set<SignatureAlgorithm> algorithms() {
        return algorithms;
    }

    Duration clockSkew() {
        return clockSkew;
    }

    int maxTokenSize() {
        return maxTokenSize;
    }

    int maxJsonDepth() {
        return maxJsonDepth;
    }

    /** The maximum {@code exp - iat}; null when off. */
    Duration maxLifetime() {
        return maxLifetime;
    }

    Set<String> types() {
        return types;
    }

    boolean allowMissingType() {
        return allowMissingType;
    }

    boolean requireKid() {
        return requireKid;
    }

    Set<String> requiredScopes() {
        return requiredScopes;
    }

    Set<String> anyOfGroups() {
        return anyOfGroups;
    }

    /** The Cognito preset; null when none. */
    TokenUse tokenUse() {
        return tokenUse;
    }

    Set<String> clientIds() {
        return clientIds;
    }

    /** The decision cache's size; 0 when {@link Builder#noDecisionCache()} turned it off. */
    int decisionCacheSize() {
        return decisionCacheSize;
    }

    Duration decisionCacheTtl() {
        return decisionCacheTtl;
    }

    Duration jwksCacheTtl() {
        return jwksCacheTtl;
    }

    Duration jwksRefreshAhead() {
        return jwksRefreshAhead;
    }

    Duration jwksRefreshTimeout() {
        return jwksRefreshTimeout;
    }

    Duration jwksRateLimit() {
        return jwksRateLimit;
    }

    /** Zero when {@link Builder#noJwksOutageTolerance()} turned it off. */
    Duration jwksOutageTolerance() {
        return jwksOutageTolerance;
    }

    Duration jwksConnectTimeout() {
        return jwksConnectTimeout;
    }

    Duration jwksReadTimeout() {
        return jwksReadTimeout;
    }

    int jwksSizeLimit() {
        return jwksSizeLimit;
    }

    String tokenHeader() {
        return tokenHeader;
    }

    /** Fluent, single-threaded builder; {@link #build()} fails fast on missing or conflicting options. */
    public static final class Builder {
        private final Map<String, Issuer> issuers = new LinkedHashMap<>();
        private final Set<String> audiences = new LinkedHashSet<>();
        private final Set<SignatureAlgorithm> algorithms = EnumSet.of(SignatureAlgorithm.RS256);
        private Duration clockSkew = DEFAULT_CLOCK_SKEW;
        private int maxTokenSize = DEFAULT_MAX_TOKEN_SIZE;
        private int maxJsonDepth = DEFAULT_MAX_JSON_DEPTH;
        private Duration maxLifetime;
        private final Set<String> types = new LinkedHashSet<>(DEFAULT_TYPES);
        private boolean allowMissingType = true;
        private boolean requireKid = true;
        private final Set<String> requiredScopes = new LinkedHashSet<>();
        private final Set<String> anyOfGroups = new LinkedHashSet<>();
        private TokenUse tokenUse;
        private final Set<String> clientIds = new LinkedHashSet<>();
        private int decisionCacheSize = DEFAULT_DECISION_CACHE_SIZE;
        private Duration decisionCacheTtl = DEFAULT_DECISION_CACHE_TTL;
        private PolicyResource policyResource;
        private Duration jwksCacheTtl = DEFAULT_JWKS_CACHE_TTL;
        private Duration jwksRefreshAhead = DEFAULT_JWKS_REFRESH_AHEAD;
        private Duration jwksRefreshTimeout = DEFAULT_JWKS_REFRESH_TIMEOUT;
        private Duration jwksRateLimit = DEFAULT_JWKS_RATE_LIMIT;
        private Duration jwksOutageTolerance = DEFAULT_JWKS_OUTAGE_TOLERANCE;
        private Duration jwksConnectTimeout = DEFAULT_JWKS_TIMEOUT;
        private Duration jwksReadTimeout = DEFAULT_JWKS_TIMEOUT;
        private int jwksSizeLimit = DEFAULT_JWKS_SIZE_LIMIT;
        private String tokenHeader = "authorization";
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Trusts an issuer; call once per issuer. */
        public Builder issuer(Issuer issuer) {
            Objects.requireNonNull(issuer, "issuer");
            if (issuers.putIfAbsent(issuer.issuer(), issuer) != null) {
                throw new IllegalArgumentException("issuer configured twice: " + issuer.issuer());
            }
            return this;
        }

        /** Adds allowed audiences; a token's {@code aud} must contain at least one. */
        public Builder audiences(String... values) {
            for (String a : values) {
                audiences.add(nonBlank(a, "audience"));
            }
            return this;
        }

        /** Replaces the allowed algorithms (default RS256). */
        public Builder algorithms(SignatureAlgorithm... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("at least one algorithm must be allowed");
            }
            algorithms.clear();
            algorithms.addAll(List.of(values));
            return this;
        }

        /** Tolerance for {@code exp}, {@code nbf} and {@code iat}; 0 to 5 min (default 60 s). */
        public Builder clockSkew(Duration value) {
            Objects.requireNonNull(value, "clockSkew");
            if (value.isNegative() || value.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("clockSkew must be between 0 and " + MAX_CLOCK_SKEW + ": " + value);
            }
            this.clockSkew = value;
            return this;
        }

        /** Maximum token length in characters after the {@code Bearer } prefix; 256 to 65536 (default 8192). */
        public Builder maxTokenSize(int chars) {
            this.maxTokenSize = between(chars, 256, 64 * 1024, "maxTokenSize");
            return this;
        }

        /** Maximum JSON nesting depth of header and payload; 2 to 64 (default 10). */
        public Builder maxJsonDepth(int depth) {
            this.maxJsonDepth = between(depth, 2, 64, "maxJsonDepth");
            return this;
        }

        /** Rejects tokens whose {@code exp - iat} exceeds this (then {@code iat} is required). Off by default. */
        public Builder maxLifetime(Duration value) {
            this.maxLifetime = positive(value, "maxLifetime");
            return this;
        }

        /** Replaces the allowed {@code typ} values, compared case-insensitively (default JWT, at+jwt). */
        public Builder types(String... values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("at least one typ must be allowed");
            }
            types.clear();
            for (String t : values) {
                types.add(normaliseType(nonBlank(t, "typ")));
            }
            return this;
        }

        /** Whether a token without {@code typ} is accepted (default true). */
        public Builder allowMissingType(boolean value) {
            this.allowMissingType = value;
            return this;
        }

        /** Whether a token without {@code kid} is rejected (default true). */
        public Builder requireKid(boolean value) {
            this.requireKid = value;
            return this;
        }

        /** Scopes that must all be present ({@code scope} string or {@code scp} list). */
        public Builder requireScopes(String... values) {
            for (String s : values) {
                requiredScopes.add(nonBlank(s, "scope"));
            }
            return this;
        }

        /** Groups of which at least one must be present ({@code cognito:groups} or {@code groups}). */
        public Builder requireAnyGroup(String... values) {
            for (String g : values) {
                anyOfGroups.add(nonBlank(g, "group"));
            }
            return this;
        }

        /**
         * Cognito preset: accept only {@code token_use=access} tokens whose {@code client_id} is one of
         * {@code clientIds}; {@code aud} is then not required (access tokens have none).
         */
        public Builder cognitoAccessTokens(String... clientIds) {
            return cognito(TokenUse.ACCESS, clientIds);
        }

        /** Cognito preset: accept only {@code token_use=id} tokens whose {@code aud} is one of {@code clientIds}. */
        public Builder cognitoIdTokens(String... clientIds) {
            cognito(TokenUse.ID, clientIds);
            return audiences(clientIds);
        }

        private Builder cognito(TokenUse use, String... ids) {
            if (tokenUse != null && tokenUse != use) {
                throw new IllegalStateException("a Cognito preset is already set: " + tokenUse);
            }
            if (ids.length == 0) {
                throw new IllegalArgumentException("at least one Cognito app client id is required");
            }
            this.tokenUse = use;
            for (String id : ids) {
                clientIds.add(nonBlank(id, "client id"));
            }
            return this;
        }

        /** Maximum number of cached decisions, 1 to 1,000,000 (default 1024); see {@link #noDecisionCache()}. */
        public Builder decisionCacheSize(int maxEntries) {
            this.decisionCacheSize = between(maxEntries, 1, 1_000_000, "decision cache size");
            return this;
        }

        /** How long a decision stays cached, never past the token's {@code exp} (default 5 min). */
        public Builder decisionCacheTtl(Duration value) {
            this.decisionCacheTtl = positive(value, "decision cache TTL");
            return this;
        }

        /** Turns the decision cache off: every call verifies the token (the cache is on by default). */
        public Builder noDecisionCache() {
            this.decisionCacheSize = 0;
            return this;
        }

        /**
         * Policy resource mode. Not set: {@link PolicyResource#WHOLE_API}, unless the authorizer overrides
         * {@code checkClaims}, then {@link PolicyResource#CALLED_ROUTE} (see {@link PolicyResource}).
         */
        public Builder policyResource(PolicyResource value) {
            this.policyResource = Objects.requireNonNull(value, "policyResource");
            return this;
        }

        /** JWKS cache time to live (default 5 min); refresh-ahead + refresh timeout must be below it. */
        public Builder jwksCacheTtl(Duration value) {
            this.jwksCacheTtl = positive(value, "JWKS cache TTL");
            return this;
        }

        /** How long before the JWKS cache expires an access starts a refresh (default 30 s). */
        public Builder jwksRefreshAhead(Duration value) {
            this.jwksRefreshAhead = positive(value, "JWKS refresh-ahead");
            return this;
        }

        /** How long a call waits for a JWKS refresh another call started (default 2 s). */
        public Builder jwksRefreshTimeout(Duration value) {
            this.jwksRefreshTimeout = positive(value, "JWKS refresh timeout");
            return this;
        }

        /** Minimum interval between JWKS fetches caused by unknown {@code kid}s, below the cache TTL (default 30 s). */
        public Builder jwksRateLimit(Duration value) {
            this.jwksRateLimit = positive(value, "JWKS rate limit");
            return this;
        }

        /** How long cached keys stay usable while the JWKS endpoint fails (default 15 min). */
        public Builder jwksOutageTolerance(Duration value) {
            this.jwksOutageTolerance = positive(value, "JWKS outage tolerance");
            return this;
        }

        /** Turns outage tolerance off: once the JWKS cache TTL has passed, a failing endpoint denies at once. */
        public Builder noJwksOutageTolerance() {
            this.jwksOutageTolerance = Duration.ZERO;
            return this;
        }

        /** JWKS HTTP connect timeout (default 500 ms). */
        public Builder jwksConnectTimeout(Duration value) {
            this.jwksConnectTimeout = positive(value, "JWKS connect timeout");
            return this;
        }

        /** JWKS HTTP read timeout (default 500 ms). */
        public Builder jwksReadTimeout(Duration value) {
            this.jwksReadTimeout = positive(value, "JWKS read timeout");
            return this;
        }

        /** Largest JWKS response accepted, 1024 to 1048576 bytes (default 51200). */
        public Builder jwksSizeLimit(int bytes) {
            this.jwksSizeLimit = between(bytes, 1024, 1024 * 1024, "JWKS size limit");
            return this;
        }

        /** Header holding the token for REQUEST and HTTP API authorizers (case-insensitive; default authorization). */
        public Builder tokenHeader(String name) {
            this.tokenHeader = nonBlank(name, "token header").toLowerCase(Locale.ROOT);
            return this;
        }

        /** The clock for every time check (default system UTC); tests inject their own. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Builds the options; fails when no issuer is set or no audience rule applies. */
        public AuthorizerOptions build() {
            if (issuers.isEmpty()) {
                throw new IllegalStateException("at least one issuer is required");
            }
            if (audiences.isEmpty() && tokenUse != TokenUse.ACCESS) {
                throw new IllegalStateException(
                        "at least one audience is required (or the Cognito access-token preset)");
            }
            long ttl = jwksCacheTtl.toMillis();
            if (jwksRefreshAhead.toMillis() + jwksRefreshTimeout.toMillis() >= ttl) {
                throw new IllegalStateException("JWKS refresh-ahead " + jwksRefreshAhead + " + refresh timeout "
                        + jwksRefreshTimeout + " must be below the JWKS cache TTL " + jwksCacheTtl);
            }
            if (jwksRateLimit.compareTo(jwksCacheTtl) >= 0) {
                throw new IllegalStateException(
                        "JWKS rate limit " + jwksRateLimit + " must be below the JWKS cache TTL " + jwksCacheTtl);
            }
            return new AuthorizerOptions(this);
        }

        private static int between(int value, int min, int max, String what) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ": " + value);
            }
            return value;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }

        private static String nonBlank(String s, String what) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank: " + s);
            }
            return s;
        }
    }

    /** Lower-cases a {@code typ} and drops an {@code application/} prefix (RFC 7515 §4.1.9). */
    static String normaliseType(String typ) {
        String t = typ.toLowerCase(Locale.ROOT);
        return t.startsWith("application/") ? t.substring("application/".length()) : t;
    }
}
