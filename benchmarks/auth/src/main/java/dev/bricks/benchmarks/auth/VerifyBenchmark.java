package dev.bricks.benchmarks.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpServer;
import dev.bricks.auth.AuthorizerOptions;
import dev.bricks.auth.Decision;
import dev.bricks.auth.Issuer;
import dev.bricks.auth.JwtVerifier;
import dev.bricks.auth.SignatureAlgorithm;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Verification of a valid RS256 and ES256 token with a warm JWKS cache: Bricks without and with its decision
 * cache, against a bare nimbus {@link DefaultJWTProcessor} doing the same checks (alg allow-list, typ, iss exact,
 * aud, exp/iat/sub required, 60 s skew). Keys are served by a JDK HttpServer on loopback and fetched once in
 * setup.
 *
 * <p>Run: see benchmarks/auth/README in auth/README.md ("Benchmark").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerifyBenchmark {

    static final String AUDIENCE = "api://orders";

    HttpServer server;
    JwtVerifier bricks;
    JwtVerifier bricksCached;
    DefaultJWTProcessor<SecurityContext> nimbus;
    String rs256;
    String es256;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        byte[] jwks = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString(true)
                .getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", ex -> {
            ex.sendResponseHeaders(200, jwks.length);
            ex.getResponseBody().write(jwks);
            ex.close();
        });
        server.start();
        String iss = "http://127.0.0.1:" + server.getAddress().getPort();
        URI jwksUri = URI.create(iss + "/jwks");

        AuthorizerOptions.Builder options = AuthorizerOptions.builder()
                .issuer(Issuer.jwks(iss, jwksUri))
                .audiences(AUDIENCE)
                .algorithms(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256);
        bricks = JwtVerifier.create(options.noDecisionCache().build());
        bricksCached = JwtVerifier.create(options.decisionCacheSize(1024).decisionCacheTtl(Duration.ofMinutes(5)).build());
        bricks.prefetchKeys();
        bricksCached.prefetchKeys();

        JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL()).build();
        nimbus = new DefaultJWTProcessor<>();
        nimbus.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        nimbus.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                source));
        nimbus.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(AUDIENCE),
                new JWTClaimsSet.Builder().issuer(iss).build(), Set.of("exp", "iat", "sub"), null));

        long now = System.currentTimeMillis() / 1000;
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(iss).subject("user-123").audience(AUDIENCE)
                .expirationTime(new Date((now + 3600) * 1000)).issueTime(new Date((now - 5) * 1000))
                .claim("scope", "orders/read orders/write").claim("cognito:groups", List.of("admins")).build();
        SignedJWT r = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").type(JOSEObjectType.JWT)
                .build(), claims);
        r.sign(new RSASSASigner(rsa));
        rs256 = r.serialize();
        SignedJWT e = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").type(JOSEObjectType.JWT)
                .build(), claims);
        e.sign(new ECDSASigner(ec));
        es256 = e.serialize();

        for (String t : List.of(rs256, es256)) {
            for (JwtVerifier v : List.of(bricks, bricksCached)) {
                Decision d = v.verify("Bearer " + t);
                if (!d.allowed()) {
                    throw new IllegalStateException("setup token denied: " + d.reason() + " " + d.detail());
                }
            }
            nimbus.process(t, null);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.stop(0);
    }

    @Benchmark
    public Decision bricksRs256() {
        return bricks.verify(rs256);
    }

    @Benchmark
    public Decision bricksRs256DecisionCache() {
        return bricksCached.verify(rs256);
    }

    @Benchmark
    public JWTClaimsSet nimbusRs256() throws Exception {
        return nimbus.process(rs256, null);
    }

    @Benchmark
    public Decision bricksEs256() {
        return bricks.verify(es256);
    }

    @Benchmark
    public Decision bricksEs256DecisionCache() {
        return bricksCached.verify(es256);
    }

    @Benchmark
    public JWTClaimsSet nimbusEs256() throws Exception {
        return nimbus.process(es256, null);
    }
}
