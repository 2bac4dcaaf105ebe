package dev.bricks.auth;

import java.net.URI;
import java.util.Objects;

/**
 * A trusted token issuer: its exact {@code iss} value and where its keys are. Each issuer gets its own JWKS
 * source; a token's {@code iss} selects among configured issuers only. Immutable; thread-safe.
 *
 * <p>Key locations must be {@code https}; plain {@code http} is accepted for loopback hosts only (tests, local runs).
 *
 * @param issuer the exact {@code iss} value (no normalisation: a trailing slash is a different issuer); never null
 * @param jwksUri the JWKS URL, or null when {@code discovery} is true
 * @param discovery whether the JWKS URL is read from {@code issuer + "/.well-known/openid-configuration"}
 */
public record Issuer(String issuer, URI jwksUri, boolean discovery) {

    /** Validates the values. */
    public Issuer {
        Objects.requireNonNull(issuer, "issuer");
        if (issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        if (discovery == (jwksUri != null)) {
            throw new IllegalArgumentException("give either a JWKS URI or discovery for issuer " + issuer);
        }
        if (jwksUri != null) {
            requireHttp(jwksUri);
        } else {
            requireHttp(URI.create(issuer));
        }
    }

    /** An issuer whose keys are at {@code jwksUri}. */
    public static Issuer jwks(String issuer, URI jwksUri) {
        return new Issuer(issuer, Objects.requireNonNull(jwksUri, "jwksUri"), false);
    }

    /** An issuer whose JWKS URL comes from its OpenID Connect discovery document (fetched at init). */
    public static Issuer discovery(String issuer) {
        return new Issuer(issuer, null, true);
    }

    /** An Amazon Cognito user pool: {@code https://cognito-idp.<region>.amazonaws.com/<poolId>}. */
    public static Issuer cognito(String region, String userPoolId) {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(userPoolId, "userPoolId");
        if (!region.matches("[a-z0-9-]{1,30}") || !userPoolId.matches("[\\w-]+_[0-9a-zA-Z]+")) {
            throw new IllegalArgumentException("not a Cognito region/user pool id: " + region + "/" + userPoolId);
        }
        String iss = "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
        return jwks(iss, URI.create(iss + "/.well-known/jwks.json"));
    }

    private static void requireHttp(URI uri) {
        String scheme = uri.getScheme();
        String host = uri.getHost();
        boolean loopback = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        if (!"https".equals(scheme) && !("http".equals(scheme) && loopback)) {
            throw new IllegalArgumentException("JWKS/discovery location must be https (http only on loopback): " + uri);
        }
    }
}
