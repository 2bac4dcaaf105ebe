package dev.bricks.auth;

import static dev.bricks.auth.AuthorizerResponseTest.invoke;
import static dev.bricks.auth.AuthorizerResponseTest.options;
import static dev.bricks.auth.AuthorizerResponseTest.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.core.Correlation;
import dev.bricks.core.spi.InvocationInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authorizers are Bricks handlers: listeners run around them and the correlation id is set. */
class HandlerModelTest {

    @BeforeAll
    static void start() throws IOException {
        AuthorizerResponseTest.start();
    }

    @AfterAll
    static void stop() {
        AuthorizerResponseTest.stop();
    }

    static final class Correlated extends RestRequestAuthorizer {
        final List<String> correlationIds = new ArrayList<>();

        Correlated(AuthorizerOptions o) {
            super(o);
        }

        @Override
        protected void onDecision(Decision decision) {
            correlationIds.add(Correlation.current().orElse(null));
        }
    }

    @Test
    void handleRequest_requestAuthorizerWithCorrelationHeader_listenersSeeIdAndTrigger() throws IOException {
        Correlated a = new Correlated(options().build());
        String event = AuthorizerResponseTest.requestEvent("Authorization", "Bearer " + token())
                .replace("\"Host\":\"x\"", "\"Host\":\"x\",\"X-Correlation-Id\":\"corr-123\"");

        assertThat(invoke(a, event)).contains("\"Effect\":\"Allow\"");
        RecordingListener.Seen seen = RecordingListener.last();

        assertThat(seen.info().trigger()).isEqualTo(InvocationInfo.Trigger.AUTHORIZER);
        assertThat(seen.info().correlationId()).isEqualTo("corr-123");
        assertThat(seen.failure()).isNull();
        assertThat(a.correlationIds).containsExactly("corr-123");
        assertThat(Correlation.current()).as("cleared after the invocation").isEmpty();
    }

    @Test
    void handleRequest_httpApiEvent_correlationIsTheApiRequestId() throws IOException {
        AuthorizerResponseTest.Simple a =
                new AuthorizerResponseTest.Simple(options().build());
        String event = AuthorizerResponseTest.httpEvent("Bearer " + token(), "x")
                .replace(
                        "\"routeKey\":\"GET /orders\",\"stage\"",
                        "\"requestId\":\"api-req-9\",\"routeKey\":\"GET /orders\",\"stage\"");

        invoke(a, event);

        assertThat(RecordingListener.last().info().correlationId()).isEqualTo("api-req-9");
    }

    @Test
    void handleRequest_restUnauthorized_listenersSeeTheFailure() {
        AuthorizerResponseTest.Rest a =
                new AuthorizerResponseTest.Rest(options().build());

        assertThatThrownBy(() -> invoke(a, AuthorizerResponseTest.tokenEvent(null)))
                .isInstanceOf(UnauthorizedException.class);

        RecordingListener.Seen seen = RecordingListener.last();
        assertThat(seen.failure()).isInstanceOf(UnauthorizedException.class);
        assertThat(seen.info().event())
                .as("the parsed event never prints the token")
                .hasToString("AuthorizerEvent[GET /orders/42]");
    }

    @Test
    void handleRequest_unreadableEvent_answeredNotThrownAsInvalidEvent() throws IOException {
        AuthorizerResponseTest.Simple a =
                new AuthorizerResponseTest.Simple(options().build());

        assertThat(invoke(a, "{\"version\":")).isEqualTo("{\"isAuthorized\":false}");
        assertThat(RecordingListener.last().failure()).isNull();
    }

    @Test
    void beforeCheckpoint_primesThroughTheHandlerLifecycle_noDecisionCached() throws Exception {
        try (JwksServer s = new JwksServer(TestKeys.RSA_1.toPublicJWK())) {
            AuthorizerResponseTest.Rest a = new AuthorizerResponseTest.Rest(AuthorizerOptions.builder()
                    .issuer(s.asIssuer())
                    .audiences(Tokens.AUDIENCE)
                    .build());

            a.beforeCheckpoint(null);

            assertThat(a.decisions).as("priming does not call onDecision").isEmpty();
            assertThat(s.jwksRequests()).as("warm cache: no refetch").isEqualTo(1);
        }
    }
}
