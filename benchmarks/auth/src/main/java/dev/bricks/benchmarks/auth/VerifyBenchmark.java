package dev.bricks.benchmarks.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
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
import dev.bricks.auth.HttpApiSimpleAuthorizer;
import dev.bricks.auth.Issuer;
import dev.bricks.auth.JwtVerifier;
import dev.bricks.auth.RestTokenAuthorizer;
import dev.bricks.auth.SignatureAlgorithm;
import dev.bricks.core.invoke.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * setup. The {@code authorizer*} benchmarks run a whole authorizer invocation through core's handler model
 * ({@code handleRequest}: event bytes in, response bytes out, correlation id, listeners) with a decision-cache
 * hit: a REST TOKEN event and an HTTP API 2.0 event of the documented shape.
 *
 * <p>Run: see benchmarks/auth/README in auth/README.md ("Benchmark").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerifyBenchmark {

    static final String AUDIENCE = "api://orders";
    /** Lambda supplies a context with a request id; without one core would draw a random correlation id. */
    static final Context CONTEXT = LocalContext.of("orders-authorizer");

    HttpServer server;
    JwtVerifier bricks;
    JwtVerifier bricksCached;
    DefaultJWTProcessor<SecurityContext> nimbus;
    String rs256;
    String es256;
    Rest restAuthorizer;
    Simple httpAuthorizer;
    byte[] restEvent;
    byte[] httpEvent;

    /** A REST TOKEN authorizer with the default hooks. */
    static final class Rest extends RestTokenAuthorizer {
        Rest(AuthorizerOptions options) {
            super(options);
        }
    }

    /** An HTTP API simple-response authorizer with the default hooks. */
    static final class Simple extends HttpApiSimpleAuthorizer {
        Simple(AuthorizerOptions options) {
            super(options);
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        byte[] jwks = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()))
                .toString(true)
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
        bricksCached = JwtVerifier.create(options.decisionCacheSize(1024)
                .decisionCacheTtl(Duration.ofMinutes(5))
                .build());
        bricks.prefetchKeys();
        bricksCached.prefetchKeys();
        restAuthorizer = new Rest(options.build());
        httpAuthorizer = new Simple(options.build());

        JWKSource<SecurityContext> source =
                JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL()).build();
        nimbus = new DefaultJWTProcessor<>();
        nimbus.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        nimbus.setJWSKeySelector(
                new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), source));
        nimbus.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                Set.of(AUDIENCE), new JWTClaimsSet.Builder().issuer(iss).build(), Set.of("exp", "iat", "sub"), null));

        long now = System.currentTimeMillis() / 1000;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(iss)
                .subject("user-123")
                .audience(AUDIENCE)
                .expirationTime(new Date((now + 3600) * 1000))
                .issueTime(new Date((now - 5) * 1000))
                .claim("scope", "orders/read orders/write")
                .claim("cognito:groups", List.of("admins"))
                .build();
        SignedJWT r = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID("rsa-1")
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        r.sign(new RSASSASigner(rsa));
        rs256 = r.serialize();
        SignedJWT e = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID("ec-1")
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
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
        restEvent = ("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer " + rs256
                        + "\",\"methodArn\":"
                        + "\"arn:aws:execute-api:us-east-1:123456789012:abcdef123/prod/POST/order\"}")
                .getBytes(StandardCharsets.UTF_8);
        httpEvent = ("{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":"
                        + "\"arn:aws:execute-api:us-east-1:123456789012:abcdef123/$default/POST/order\","
                        + "\"identitySource\":[\"Bearer " + rs256 + "\"],\"routeKey\":\"POST /order\","
                        + "\"rawPath\":\"/order\","
                        + "\"rawQueryString\":\"\",\"cookies\":[],\"headers\":{\"authorization\":\"Bearer " + rs256
                        + "\","
                        + "\"content-type\":\"application/json\",\"host\":\"abcdef123.execute-api.us-east-1.amazonaws.com\","
                        + "\"user-agent\":\"curl/8.5.0\",\"x-amzn-trace-id\":\"Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e\"},"
                        + "\"queryStringParameters\":{},\"requestContext\":{\"accountId\":\"123456789012\","
                        + "\"apiId\":\"abcdef123\","
                        + "\"domainName\":\"abcdef123.execute-api.us-east-1.amazonaws.com\",\"domainPrefix\":\"abcdef123\","
                        + "\"http\":{\"method\":\"POST\",\"path\":\"/order\",\"protocol\":\"HTTP/1.1\","
                        + "\"sourceIp\":\"203.0.113.9\",\"userAgent\":\"curl/8.5.0\"},\"requestId\":\"JKJaXmPLvHcESHA=\","
                        + "\"routeKey\":\"POST /order\",\"stage\":\"$default\",\"time\":\"12/Mar/2020:19:03:58 +0000\","
                        + "\"timeEpoch\":1583348638390},\"pathParameters\":{},\"stageVariables\":{}}")
                .getBytes(StandardCharsets.UTF_8);
        for (String answer : List.of(invoke(restAuthorizer, restEvent), invoke(httpAuthorizer, httpEvent))) {
            if (!answer.contains("Allow") && !answer.contains("\"isAuthorized\":true")) {
                throw new IllegalStateException("setup event denied: " + answer);
            }
        }
    }

    private static String invoke(RequestStreamHandler handler, byte[] event) throws IOException {
        return new String(handle(handler, event), StandardCharsets.UTF_8);
    }

    private static byte[] handle(RequestStreamHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        handler.handleRequest(new ByteArrayInputStream(event), out, CONTEXT);
        return out.toByteArray();
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

    @Benchmark
    public byte[] authorizerRestRs256DecisionCache() throws IOException {
        return handle(restAuthorizer, restEvent);
    }

    @Benchmark
    public byte[] authorizerHttpApiRs256DecisionCache() throws IOException {
        return handle(httpAuthorizer, httpEvent);
    }
}
