package dev.bricks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** JWKS rotation, outage tolerance and rate limiting against a real loopback JWKS server. */
class KeyRotationTest {

    static AuthorizerOptions.Builder options(JwksServer s, Duration rateLimit) {
        return JwksServer.testOptions(s)
                .audiences(Tokens.AUDIENCE)
                .algorithms(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)
                .noDecisionCache()
                .jwksCacheTtl(Duration.ofMillis(300))
                .jwksRefreshAhead(Duration.ofMillis(50))
                .jwksRefreshTimeout(Duration.ofMillis(100))
                .jwksRateLimit(rateLimit);
    }

    @Test
    void verify_newKidPublished_pickedUpWithoutWaitingForTtl() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            JwtVerifier v = JwtVerifier.create(options(s, Duration.ofMillis(10)).build());
            v.prefetchKeys();
            assertThat(v.verify(Tokens.signed(
                                    TestKeys.RSA_1,
                                    JWSAlgorithm.RS256,
                                    Tokens.claims(s.issuer()).build()))
                            .allowed())
                    .isTrue();
            int before = s.jwksRequests();

            s.add(TestKeys.RSA_2);
            s.add(TestKeys.EC_2);
            Decision rsa = v.verify(Tokens.signed(
                    TestKeys.RSA_2,
                    JWSAlgorithm.RS256,
                    Tokens.claims(s.issuer()).build()));
            Decision ec = v.verify(Tokens.signed(
                    TestKeys.EC_2, JWSAlgorithm.ES256, Tokens.claims(s.issuer()).build()));

            assertThat(rsa.allowed()).as(rsa.detail()).isTrue();
            assertThat(rsa.claims().keyId()).isEqualTo("rsa-2");
            assertThat(ec.allowed()).as(ec.detail()).isTrue();
            assertThat(s.jwksRequests()).isGreaterThan(before);
        }
    }

    @Test
    void verify_keyRemoved_stillVerifiesUntilTtlThenStops() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK(), TestKeys.RSA_2.toPublicJWK())) {
            JwtVerifier v = JwtVerifier.create(options(s, Duration.ofMillis(10)).build());
            String old = Tokens.signed(
                    TestKeys.RSA_1,
                    JWSAlgorithm.RS256,
                    Tokens.claims(s.issuer()).build());
            String current = Tokens.signed(
                    TestKeys.RSA_2,
                    JWSAlgorithm.RS256,
                    Tokens.claims(s.issuer()).build());
            assertThat(v.verify(old).allowed()).isTrue();

            s.remove("rsa-1");
            Decision beforeTtl = v.verify(old);
            Thread.sleep(400);
            Decision afterTtl = v.verify(old);

            assertThat(beforeTtl.allowed())
                    .as("cached key still valid within the TTL")
                    .isTrue();
            assertThat(afterTtl.reason()).isEqualTo(DenyReason.KID_UNKNOWN);
            assertThat(v.verify(current).allowed()).isTrue();
        }
    }

    @Test
    void verify_jwksDownAfterWarmup_cachedKeysKeepWorking() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            JwtVerifier v = JwtVerifier.create(options(s, Duration.ofMillis(10)).build());
            String token = Tokens.signed(
                    TestKeys.RSA_1,
                    JWSAlgorithm.RS256,
                    Tokens.claims(s.issuer()).build());
            assertThat(v.verify(token).allowed()).isTrue();

            s.mode(JwksServer.Mode.DOWN);
            Thread.sleep(400);
            Decision during = v.verify(token);

            assertThat(during.allowed())
                    .as("outage tolerance: " + during.detail())
                    .isTrue();
        }
    }

    @Test
    void verify_floodOfUnknownKids_jwksFetchesRateLimited() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            JwtVerifier v = JwtVerifier.create(JwksServer.testOptions(s)
                    .audiences(Tokens.AUDIENCE)
                    .noDecisionCache()
                    .build());
            v.prefetchKeys();
            int before = s.jwksRequests();

            for (int i = 0; i < 25; i++) {
                String t = Tokens.raw(
                        "{\"alg\":\"RS256\",\"kid\":\"k" + i + "\"}",
                        Tokens.payload(s.issuer(), ""),
                        TestKeys.RSA_1,
                        JWSAlgorithm.RS256);
                assertThat(v.verify(t).reason()).isEqualTo(DenyReason.KID_UNKNOWN);
            }

            assertThat(s.jwksRequests() - before)
                    .as("fetches for 25 unknown kids")
                    .isLessThanOrEqualTo(2);
        }
    }

    @Test
    void verify_oidcDiscovery_findsJwksUri() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            JwtVerifier v = JwtVerifier.create(AuthorizerOptions.builder()
                    .issuer(Issuer.discovery(s.issuer()))
                    .audiences(Tokens.AUDIENCE)
                    .jwksConnectTimeout(Duration.ofSeconds(1))
                    .jwksReadTimeout(Duration.ofSeconds(1))
                    .jwksSizeLimit(16 * 1024)
                    .build());

            assertThat(v.prefetchKeys()).containsEntry(s.issuer(), "1 keys");
            assertThat(v.verify(Tokens.signed(
                                    TestKeys.RSA_1,
                                    JWSAlgorithm.RS256,
                                    Tokens.claims(s.issuer()).build()))
                            .allowed())
                    .isTrue();
        }
    }

    @Test
    void verify_twoIssuers_eachUsesItsOwnJwks() throws Exception {
        try (JwksServer a = new JwksServer(TestKeys.RSA_1.toPublicJWK());
                JwksServer b = new JwksServer(TestKeys.RSA_2.toPublicJWK())) {
            JwtVerifier v = JwtVerifier.create(AuthorizerOptions.builder()
                    .issuer(a.asIssuer())
                    .issuer(b.asIssuer())
                    .audiences(Tokens.AUDIENCE)
                    .jwksRateLimit(Duration.ofMillis(10))
                    .jwksConnectTimeout(Duration.ofSeconds(1))
                    .jwksReadTimeout(Duration.ofSeconds(1))
                    .jwksSizeLimit(16 * 1024)
                    .build());

            Decision fromB = v.verify(Tokens.signed(
                    TestKeys.RSA_2,
                    JWSAlgorithm.RS256,
                    Tokens.claims(b.issuer()).build()));
            Decision aKeyClaimingB = v.verify(Tokens.signed(
                    TestKeys.RSA_1,
                    JWSAlgorithm.RS256,
                    Tokens.claims(b.issuer()).build()));

            assertThat(fromB.allowed()).isTrue();
            assertThat(aKeyClaimingB.reason()).isEqualTo(DenyReason.KID_UNKNOWN);
        }
    }

    @Test
    void verify_kidNotRequired_triesEveryFittingKey() throws Exception {
        try (JwksServer s = new JwksServer(
                TestKeys.EC_1.toPublicJWK(), TestKeys.RSA_2.toPublicJWK(), TestKeys.RSA_1.toPublicJWK())) {
            JwtVerifier v = JwtVerifier.create(
                    options(s, Duration.ofMillis(10)).requireKid(false).build());
            String noKid = Tokens.raw(
                    "{\"alg\":\"RS256\"}", Tokens.payload(s.issuer(), ""), TestKeys.RSA_1, JWSAlgorithm.RS256);
            String attacker = Tokens.raw(
                    "{\"alg\":\"RS256\"}", Tokens.payload(s.issuer(), ""), TestKeys.ATTACKER_RSA, JWSAlgorithm.RS256);

            assertThat(v.verify(noKid).allowed()).isTrue();
            assertThat(v.verify(attacker).reason()).isEqualTo(DenyReason.SIGNATURE_INVALID);
        }
    }

    @Test
    void verify_outageLongerThanTolerance_staleKeysDroppedThenDenies() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            JwtVerifier v = JwtVerifier.create(options(s, Duration.ofMillis(10))
                    .jwksOutageTolerance(Duration.ofMillis(1500))
                    .build());
            String token = Tokens.signed(
                    TestKeys.RSA_1,
                    JWSAlgorithm.RS256,
                    Tokens.claims(s.issuer()).build());
            long fetchedAt = System.nanoTime();
            assertThat(v.verify(token).allowed()).isTrue();

            s.mode(JwksServer.Mode.DOWN);
            Thread.sleep(400);
            Decision withinTolerance = v.verify(token);
            sleepUntil(fetchedAt, Duration.ofMillis(1900));
            Decision afterTolerance = v.verify(token);
            s.mode(JwksServer.Mode.OK);
            Thread.sleep(50);
            Decision recovered = v.verify(token);

            assertThat(withinTolerance.allowed())
                    .as("stale keys within the tolerance: " + withinTolerance.detail())
                    .isTrue();
            assertThat(afterTolerance.reason())
                    .as("stale keys dropped after the tolerance")
                    .isEqualTo(DenyReason.KEY_SOURCE_UNAVAILABLE);
            assertThat(recovered.allowed())
                    .as("endpoint back: " + recovered.detail())
                    .isTrue();
        }
    }

    @Test
    void verify_noOutageTolerance_deniesOnceTtlPassedAndEndpointFails() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            JwtVerifier v = JwtVerifier.create(
                    options(s, Duration.ofMillis(10)).noJwksOutageTolerance().build());
            String token = Tokens.signed(
                    TestKeys.RSA_1,
                    JWSAlgorithm.RS256,
                    Tokens.claims(s.issuer()).build());
            assertThat(v.verify(token).allowed()).isTrue();

            s.mode(JwksServer.Mode.DOWN);
            Thread.sleep(400);

            assertThat(v.verify(token).reason()).isEqualTo(DenyReason.KEY_SOURCE_UNAVAILABLE);
        }
    }

    @Test
    void verify_accessInRefreshAheadWindow_fetchesNewKeysBeforeTtlWithoutBlocking() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            JwtVerifier v = JwtVerifier.create(JwksServer.testOptions(s)
                    .audiences(Tokens.AUDIENCE)
                    .noDecisionCache()
                    .jwksCacheTtl(Duration.ofMillis(4000))
                    .jwksRefreshAhead(Duration.ofMillis(3000))
                    .jwksRefreshTimeout(Duration.ofMillis(200))
                    .jwksRateLimit(Duration.ofSeconds(1))
                    .build());
            String old = Tokens.signed(
                    TestKeys.RSA_1,
                    JWSAlgorithm.RS256,
                    Tokens.claims(s.issuer()).build());
            long fetchedAt = System.nanoTime();
            assertThat(v.verify(old).allowed()).isTrue();
            assertThat(v.verify(old).allowed()).isTrue();
            int beforeWindow = s.jwksRequests();
            s.add(TestKeys.RSA_2);

            sleepUntil(fetchedAt, Duration.ofMillis(1200));
            assertThat(v.verify(old).allowed())
                    .as("served from the cache while the refresh runs")
                    .isTrue();
            long deadline = fetchedAt + Duration.ofMillis(3800).toNanos();
            while (s.jwksRequests() == beforeWindow && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            boolean beforeTtl =
                    System.nanoTime() < fetchedAt + Duration.ofMillis(4000).toNanos();
            int afterRefresh = s.jwksRequests();
            Decision rotated = v.verify(Tokens.signed(
                    TestKeys.RSA_2,
                    JWSAlgorithm.RS256,
                    Tokens.claims(s.issuer()).build()));

            assertThat(beforeWindow).as("no fetch outside the window").isEqualTo(1);
            assertThat(afterRefresh).as("refresh-ahead fetched once").isEqualTo(2);
            assertThat(beforeTtl).as("the refresh happened before the TTL").isTrue();
            assertThat(rotated.allowed())
                    .as("new kid known from the early refresh: " + rotated.detail())
                    .isTrue();
            assertThat(s.jwksRequests()).as("no fetch for the new kid").isEqualTo(2);
        }
    }

    @Test
    void verify_jwksFailsOnce_retriedAndAllowed() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            Decision d = firstVerifyAfterFailures(s, 1);

            assertThat(d.allowed()).as(d.detail()).isTrue();
            assertThat(s.jwksRequests()).as("one failure, one retry").isEqualTo(2);
        }
    }

    @Test
    void verify_jwksFailsTwice_oneRetryOnlyThenDenies() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            Decision d = firstVerifyAfterFailures(s, 2);

            assertThat(d.reason()).isEqualTo(DenyReason.KEY_SOURCE_UNAVAILABLE);
            assertThat(s.jwksRequests()).isEqualTo(2);
        }
    }

    /** A fresh verifier's first verification while the server fails its next {@code failures} JWKS requests. */
    private static Decision firstVerifyAfterFailures(JwksServer s, int failures) {
        JwtVerifier v = JwtVerifier.create(options(s, Duration.ofMillis(10)).build());
        s.failNext(failures);
        return v.verify(Tokens.signed(
                TestKeys.RSA_1, JWSAlgorithm.RS256, Tokens.claims(s.issuer()).build()));
    }

    private static void sleepUntil(long startNanos, Duration offset) throws InterruptedException {
        long remaining = startNanos + offset.toNanos() - System.nanoTime();
        if (remaining > 0) {
            Thread.sleep(remaining / 1_000_000, (int) (remaining % 1_000_000));
        }
    }
}
