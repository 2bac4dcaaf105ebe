package com.example.orders;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bricks.local.runtime.LoopbackHttpServers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A token issuer for local runs and tests only: a fresh RSA key per start, its OpenID Connect discovery document
 * and JWKS served on {@code 127.0.0.1} (the authorizer accepts plain HTTP for loopback issuers only), and
 * RS256 access tokens for any subject. Never use it for anything deployed: whoever runs it can mint any token.
 */
public final class LocalIssuer implements AutoCloseable {

    /** The audience of every token (the template's {@code JwtAudience} in local runs). */
    public static final String AUDIENCE = "order-app-local";
    /** How long a minted token is valid. */
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;

    private LocalIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Generates a key and starts serving its discovery document and JWKS on a free loopback port. */
    public static LocalIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            // through bricks-local's factory: this JVM's first JDK HttpServer fixes TCP_NODELAY for all of them,
            // bricks-local's gateway and Runtime API included (~40 ms per response without it)
            HttpServer server =
                    LoopbackHttpServers.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LocalIssuer issuer = new LocalIssuer(key, server);
            server.createContext(
                    "/.well-known/openid-configuration",
                    ex -> issuer.send(
                            ex, "{\"issuer\":\"" + issuer.issuer + "\",\"jwks_uri\":\"" + issuer.jwksUri() + "\"}"));
            server.createContext(
                    "/.well-known/jwks.json", ex -> issuer.send(ex, new JWKSet(key.toPublicJWK()).toString()));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer ({@code iss}), e.g. {@code http://127.0.0.1:41234}: the template's {@code JwtIssuer}. */
    public String issuer() {
        return issuer;
    }

    /** Where the public keys are served. */
    public String jwksUri() {
        return issuer + "/.well-known/jwks.json";
    }

    /** A signed access token for {@code subject} with the given mail address and scopes. */
    public String token(String subject, String email, String... scopes) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .claim("email", email)
                .claim("scope", String.join(" ", List.of(scopes)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
