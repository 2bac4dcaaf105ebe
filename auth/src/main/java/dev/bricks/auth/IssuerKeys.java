package dev.bricks.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;

/**
 * The key source of one issuer, built with nimbus' {@link JWKSourceBuilder}: cache with TTL, refresh ahead
 * (on access, not scheduled: Lambda freezes background threads between invocations, so a refresh that did not
 * finish simply leaves the blocking refresh to the next call), rate-limited refresh on unknown {@code kid},
 * one retry, outage tolerance, and {@link DefaultResourceRetriever} timeouts and size limit. With OIDC discovery
 * the JWKS URL is resolved from the discovery document on first use and again (rate-limited) until it works.
 * Thread-safe.
 */
final class IssuerKeys {

    private static final JWKSelector ALL_KEYS = new JWKSelector(new JWKMatcher.Builder().build());

    private final Issuer issuer;
    private final AuthorizerOptions options;
    private final DefaultResourceRetriever retriever;
    private volatile JWKSource<SecurityContext> source;
    private long lastDiscoveryAttempt = Long.MIN_VALUE;
    private volatile boolean fetchedOnce;

    IssuerKeys(Issuer issuer, AuthorizerOptions options) {
        this.issuer = issuer;
        this.options = options;
        this.retriever = new DefaultResourceRetriever(
                (int) options.jwksConnectTimeout().toMillis(),
                (int) options.jwksReadTimeout().toMillis(),
                options.jwksSizeLimit());
        if (!issuer.discovery()) {
            this.source = build(issuer.jwksUri());
        }
    }

    /** The keys whose {@code kid} matches, possibly after a rate-limited refresh; never null. */
    List<JWK> byKid(JWKSelector selector) throws KeySourceException {
        List<JWK> keys = source().get(selector, null);
        fetchedOnce = true;
        return keys;
    }

    /** Fetches the key set now (init or SnapStart priming); returns the number of keys. */
    int prefetch() throws KeySourceException {
        int n = source().get(ALL_KEYS, null).size();
        fetchedOnce = true;
        return n;
    }

    /** Whether a key set was ever obtained (tells "unknown kid, refresh rate-limited" from "never had keys"). */
    boolean fetchedOnce() {
        return fetchedOnce;
    }

    private JWKSource<SecurityContext> source() throws KeySourceException {
        JWKSource<SecurityContext> s = source;
        return s != null ? s : discover();
    }

    private synchronized JWKSource<SecurityContext> discover() throws KeySourceException {
        if (source != null) {
            return source;
        }
        long now = System.nanoTime();
        if (lastDiscoveryAttempt != Long.MIN_VALUE
                && now - lastDiscoveryAttempt < options.jwksRateLimit().toNanos()) {
            throw new KeySourceException("OIDC discovery failed recently; retry after the rate limit");
        }
        lastDiscoveryAttempt = now;
        String base = issuer.issuer().endsWith("/")
                ? issuer.issuer().substring(0, issuer.issuer().length() - 1)
                : issuer.issuer();
        try {
            Resource doc = retriever.retrieveResource(new URL(base + "/.well-known/openid-configuration"));
            Map<String, Object> json = StrictJson.parseObject(doc.getContent(), 8);
            if (!issuer.issuer().equals(json.get("issuer"))) {
                throw new KeySourceException("OIDC discovery document names another issuer");
            }
            if (!(json.get("jwks_uri") instanceof String jwks)) {
                throw new KeySourceException("OIDC discovery document has no jwks_uri");
            }
            // validates https (or loopback http) the same way as a configured URI
            Issuer resolved = Issuer.jwks(issuer.issuer(), URI.create(jwks));
            source = build(resolved.jwksUri());
            return source;
        } catch (KeySourceException e) {
            throw e;
        } catch (StrictJson.Rejected e) {
            throw new KeySourceException("OIDC discovery document is not valid JSON: " + e.getMessage());
        } catch (Exception e) {
            throw new KeySourceException(
                    "OIDC discovery failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private JWKSource<SecurityContext> build(URI jwksUri) {
        URL url;
        try {
            url = jwksUri.toURL();
        } catch (Exception e) {
            throw new IllegalArgumentException("bad JWKS URI: " + jwksUri, e);
        }
        JWKSourceBuilder<SecurityContext> b = JWKSourceBuilder.<SecurityContext>create(url, retriever)
                .cache(
                        options.jwksCacheTtl().toMillis(),
                        options.jwksRefreshTimeout().toMillis())
                .refreshAheadCache(options.jwksRefreshAhead().toMillis(), false)
                .rateLimited(options.jwksRateLimit().toMillis())
                .retrying(true);
        if (options.jwksOutageTolerance().isZero()) {
            b.outageTolerant(false);
        } else {
            b.outageTolerant(options.jwksOutageTolerance().toMillis());
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "IssuerKeys[" + issuer.issuer() + "]";
    }
}
