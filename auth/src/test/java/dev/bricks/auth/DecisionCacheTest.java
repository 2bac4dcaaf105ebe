package dev.bricks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Decision cache: keyed by the normalised token, bounded, expiring at min(exp, TTL), never caching key trouble. */
class DecisionCacheTest {

    @RegisterExtension
    static final JwksPerClass server = new JwksPerClass(TestKeys.RSA_1.toPublicJWK());

    static AuthorizerOptions.Builder options(MutableClock clock, int size, Duration ttl) {
        return server.options()
                .audiences(Tokens.AUDIENCE)
                .clock(clock)
                .decisionCacheSize(size)
                .decisionCacheTtl(ttl);
    }

    static String token(long expInSeconds) {
        long now = Tokens.now();
        return Tokens.rs256(Tokens.claims(server.issuer())
                .expirationTime(new Date((now + expInSeconds) * 1000))
                .build());
    }

    @Test
    void verify_sameTokenWithOrWithoutBearer_servedFromCache() {
        MutableClock clock = new MutableClock(Instant.now());
        JwtVerifier v =
                JwtVerifier.create(options(clock, 16, Duration.ofMinutes(5)).build());
        String t = token(600);

        Decision first = v.verify("Bearer " + t);
        Decision second = v.verify(t);

        assertThat(first.allowed()).isTrue();
        assertThat(second).isSameAs(first);
    }

    @Test
    void verify_afterTtl_verifiedAgain() {
        MutableClock clock = new MutableClock(Instant.now());
        JwtVerifier v =
                JwtVerifier.create(options(clock, 16, Duration.ofSeconds(30)).build());
        String t = token(600);
        Decision first = v.verify(t);

        clock.advance(Duration.ofSeconds(31));
        Decision again = v.verify(t);

        assertThat(again.allowed()).isTrue();
        assertThat(again).isNotSameAs(first);
    }

    @Test
    void verify_cachedEntryNeverOutlivesExp() {
        MutableClock clock = new MutableClock(Instant.now());
        JwtVerifier v = JwtVerifier.create(
                options(clock, 16, Duration.ofHours(1)).clockSkew(Duration.ZERO).build());
        String t = token(120);
        assertThat(v.verify(t).allowed()).isTrue();

        clock.advance(Duration.ofSeconds(121));
        Decision after = v.verify(t);

        assertThat(after.reason()).isEqualTo(DenyReason.EXPIRED);
    }

    @Test
    void verify_moreTokensThanSize_leastRecentlyUsedEvicted() {
        MutableClock clock = new MutableClock(Instant.now());
        JwtVerifier v =
                JwtVerifier.create(options(clock, 2, Duration.ofMinutes(5)).build());
        String a = token(600);
        String b = token(601);
        String c = token(602);
        Decision da = v.verify(a);
        Decision db = v.verify(b);
        v.verify(c);

        assertThat(v.verify(b)).isSameAs(db);
        assertThat(v.verify(a)).isNotSameAs(da);
    }

    @Test
    void verify_keySourceFailure_neverCached() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            s.mode(JwksServer.Mode.DOWN);
            MutableClock clock = new MutableClock(Instant.now());
            JwtVerifier v = JwtVerifier.create(JwksServer.testOptions(s)
                    .audiences(Tokens.AUDIENCE)
                    .clock(clock)
                    .jwksRateLimit(Duration.ofMillis(10))
                    .build());
            String t = Tokens.signed(
                    TestKeys.RSA_1,
                    JWSAlgorithm.RS256,
                    Tokens.claims(s.issuer()).build());
            assertThat(v.verify(t).reason()).isEqualTo(DenyReason.KEY_SOURCE_UNAVAILABLE);

            s.mode(JwksServer.Mode.OK);
            Thread.sleep(30);
            Decision recovered = v.verify(t);

            assertThat(recovered.allowed()).as(recovered.detail()).isTrue();
        }
    }

    @Test
    void verify_badSignature_denyCachedButNotTheValidTokenOfTheSameUser() {
        MutableClock clock = new MutableClock(Instant.now());
        JwtVerifier v =
                JwtVerifier.create(options(clock, 16, Duration.ofMinutes(5)).build());
        String good = token(600);
        String bad = Tokens.signed(
                TestKeys.ATTACKER_RSA,
                JWSAlgorithm.RS256,
                Tokens.claims(server.issuer()).build());

        Decision d1 = v.verify(bad);
        Decision d2 = v.verify(bad);

        assertThat(d1.reason()).isEqualTo(DenyReason.SIGNATURE_INVALID);
        assertThat(d2).isSameAs(d1);
        assertThat(v.verify(good).allowed()).isTrue();
    }

    @Test
    void key_tokensDifferingOutsideAscii_distinctKeys() {
        String euro = "eyJhbGciOiJSUzI1NiJ9.e30.sig\u20ac";
        String question = "eyJhbGciOiJSUzI1NiJ9.e30.sig?";
        String eAcute = "eyJhbGciOiJSUzI1NiJ9.e30.sig\u00e9";

        assertThat(DecisionCache.key(euro))
                .as("US-ASCII would map both to '?'")
                .isNotEqualTo(DecisionCache.key(question));
        assertThat(DecisionCache.key(euro)).isNotEqualTo(DecisionCache.key(eAcute));
        assertThat(DecisionCache.key(euro)).isEqualTo(DecisionCache.key(new String(euro.toCharArray())));
    }

    @Test
    void verify_nonAsciiVariantOfCachedToken_notServedFromCache() {
        MutableClock clock = new MutableClock(Instant.now());
        JwtVerifier v =
                JwtVerifier.create(options(clock, 16, Duration.ofMinutes(5)).build());
        String t = token(600);
        String variant = t.substring(0, t.length() - 1) + "\u00e9";

        assertThat(v.verify(t).allowed()).isTrue();
        Decision d = v.verify(variant);

        assertThat(d.reason()).isEqualTo(DenyReason.MALFORMED_TOKEN);
    }
}
