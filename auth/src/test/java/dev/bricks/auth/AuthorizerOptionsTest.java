package dev.bricks.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthorizerOptionsTest {

    static final Issuer ISSUER = Issuer.jwks("https://issuer.example", URI.create("https://issuer.example/jwks"));

    @Test
    void build_defaults_closed() {
        AuthorizerOptions o =
                AuthorizerOptions.builder().issuer(ISSUER).audiences("api").build();

        assertThat(o.algorithms()).containsExactly(SignatureAlgorithm.RS256);
        assertThat(o.clockSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.maxTokenSize()).isEqualTo(8192);
        assertThat(o.requireKid()).isTrue();
        assertThat(o.types()).containsExactlyInAnyOrder("jwt", "at+jwt");
        assertThat(o.allowMissingType()).isTrue();
        assertThat(o.maxLifetime()).isNull();
        assertThat(o.policyResource()).as("not set: the authorizer chooses").isEmpty();
        assertThat(o.jwksOutageTolerance()).isEqualTo(Duration.ofMinutes(15));
        assertThat(o.decisionCacheSize()).isEqualTo(1024);
        assertThat(o.jwksReadTimeout()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void builder_namedSetters_eachSetsItsOption() {
        AuthorizerOptions o = AuthorizerOptions.builder()
                .issuer(ISSUER)
                .audiences("api")
                .types("JWT")
                .allowMissingType(false)
                .decisionCacheSize(10)
                .decisionCacheTtl(Duration.ofSeconds(7))
                .jwksCacheTtl(Duration.ofMinutes(2))
                .jwksRefreshAhead(Duration.ofSeconds(20))
                .jwksRefreshTimeout(Duration.ofSeconds(3))
                .jwksConnectTimeout(Duration.ofMillis(100))
                .jwksReadTimeout(Duration.ofMillis(200))
                .jwksSizeLimit(4096)
                .policyResource(PolicyResource.CALLED_ROUTE)
                .build();

        assertThat(o.types()).containsExactly("jwt");
        assertThat(o.allowMissingType()).isFalse();
        assertThat(o.decisionCacheSize()).isEqualTo(10);
        assertThat(o.decisionCacheTtl()).isEqualTo(Duration.ofSeconds(7));
        assertThat(o.jwksCacheTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.jwksRefreshAhead()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.jwksRefreshTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.jwksConnectTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.jwksReadTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(o.jwksSizeLimit()).isEqualTo(4096);
        assertThat(o.policyResource()).contains(PolicyResource.CALLED_ROUTE);
    }

    @Test
    void builder_offSwitches_areNamedOptions() {
        AuthorizerOptions o = AuthorizerOptions.builder()
                .issuer(ISSUER)
                .audiences("api")
                .noDecisionCache()
                .noJwksOutageTolerance()
                .build();

        assertThat(o.decisionCacheSize()).isZero();
        assertThat(o.jwksOutageTolerance()).isZero();
    }

    @Test
    void build_missingIssuerOrAudience_failsNamingIt() {
        assertThatThrownBy(() -> AuthorizerOptions.builder().audiences("api").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("issuer");
        assertThatThrownBy(() -> AuthorizerOptions.builder().issuer(ISSUER).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audience");
        assertThat(AuthorizerOptions.builder()
                        .issuer(ISSUER)
                        .cognitoAccessTokens("c")
                        .build()
                        .clientIds())
                .containsExactly("c");
    }

    @Test
    void builder_badValues_failFastNamingTheValue() {
        AuthorizerOptions.Builder b = AuthorizerOptions.builder();
        assertThatThrownBy(() -> b.clockSkew(Duration.ofMinutes(10))).hasMessageContaining("PT10M");
        assertThatThrownBy(() -> b.maxTokenSize(10)).hasMessageContaining("10");
        assertThatThrownBy(() -> b.decisionCacheSize(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> b.issuer(ISSUER).issuer(ISSUER)).hasMessageContaining("twice");
        assertThatThrownBy(() -> b.audiences(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.algorithms()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthorizerOptions.builder()
                        .issuer(ISSUER)
                        .audiences("a")
                        .jwksCacheTtl(Duration.ofSeconds(10))
                        .jwksRefreshAhead(Duration.ofSeconds(8))
                        .jwksRefreshTimeout(Duration.ofSeconds(5))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refresh-ahead");
        assertThatThrownBy(() -> AuthorizerOptions.builder()
                        .issuer(ISSUER)
                        .audiences("a")
                        .jwksCacheTtl(Duration.ofSeconds(40))
                        .jwksRateLimit(Duration.ofSeconds(40))
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("JWKS rate limit PT40S must be below the JWKS " + "cache TTL PT40S");
        assertThatThrownBy(() -> b.cognitoAccessTokens("a").cognitoIdTokens("b"))
                .isInstanceOf(IllegalStateException.class);
    }

    static Stream<Arguments> outOfRangeValues() {
        return Stream.of(
                Arguments.of(
                        (Consumer<AuthorizerOptions.Builder>) b -> b.maxTokenSize(255),
                        "maxTokenSize must be between 256 and 65536: 255"),
                Arguments.of(
                        (Consumer<AuthorizerOptions.Builder>) b -> b.maxJsonDepth(65),
                        "maxJsonDepth must be between 2 and 64: 65"),
                Arguments.of(
                        (Consumer<AuthorizerOptions.Builder>) b -> b.decisionCacheSize(1_000_001),
                        "decision cache size must be between 1 and 1000000: 1000001"),
                Arguments.of(
                        (Consumer<AuthorizerOptions.Builder>) b -> b.decisionCacheSize(0),
                        "decision cache size must be between 1 and 1000000: 0"),
                Arguments.of(
                        (Consumer<AuthorizerOptions.Builder>) b -> b.decisionCacheTtl(Duration.ZERO),
                        "decision cache TTL must be positive: PT0S"),
                Arguments.of(
                        (Consumer<AuthorizerOptions.Builder>) b -> b.jwksOutageTolerance(Duration.ZERO),
                        "JWKS outage tolerance must be positive: PT0S"),
                Arguments.of(
                        (Consumer<AuthorizerOptions.Builder>) b -> b.jwksSizeLimit(1023),
                        "JWKS size limit must be between 1024 and 1048576: 1023"),
                Arguments.of((Consumer<AuthorizerOptions.Builder>) b -> b.types(), "at least one typ must be allowed"),
                Arguments.of(
                        (Consumer<AuthorizerOptions.Builder>) b -> b.maxLifetime(Duration.ZERO),
                        "maxLifetime must be positive: PT0S"));
    }

    @ParameterizedTest
    @MethodSource("outOfRangeValues")
    void builder_outOfRange_failsWithMessageNamingLimitsAndValue(
            Consumer<AuthorizerOptions.Builder> setter, String message) {
        assertThatThrownBy(() -> setter.accept(AuthorizerOptions.builder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void issuer_plainHttpOffLoopback_rejected() {
        assertThatThrownBy(() -> Issuer.jwks("http://issuer.example", URI.create("http://issuer.example/jwks")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
        assertThat(Issuer.jwks("http://127.0.0.1:1", URI.create("http://127.0.0.1:1/jwks"))
                        .discovery())
                .isFalse();
    }

    @Test
    void issuer_cognito_buildsIssuerAndJwksUrl() {
        Issuer i = Issuer.cognito("eu-west-1", "eu-west-1_AbC123");

        assertThat(i.issuer()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123");
        assertThat(i.jwksUri())
                .hasToString("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/jwks.json");
        assertThatThrownBy(() -> Issuer.cognito("eu-west-1", "../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
