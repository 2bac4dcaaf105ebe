package dev.bricks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.bricks.core.http.HttpHandler;
import dev.bricks.core.http.HttpRequest;
import dev.bricks.core.http.HttpResponse;
import dev.bricks.core.http.Principal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The authorizer's output context, placed where API Gateway puts it (REST v1 {@code requestContext.authorizer},
 * HTTP API v2 {@code requestContext.authorizer.lambda}), read back by core's HTTP envelope as a {@link Principal}.
 */
class PrincipalHandoffTest {

    @RegisterExtension
    static final JwksPerClass server = new JwksPerClass(TestKeys.RSA_1.toPublicJWK());

    /** The protected function: records the principal core hands it. */
    static final class Protected extends HttpHandler {
        final AtomicReference<Principal> seen = new AtomicReference<>();

        @Override
        protected HttpResponse handle(HttpRequest request, Context context) {
            seen.set(request.principal().orElse(null));
            return HttpResponse.noContent();
        }
    }

    static AuthorizerOptions options() {
        return AuthorizerOptions.builder()
                .issuer(server.asIssuer())
                .audiences(Tokens.AUDIENCE)
                .jwksConnectTimeout(Duration.ofSeconds(1))
                .jwksReadTimeout(Duration.ofSeconds(2))
                .jwksSizeLimit(16 * 1024)
                .build();
    }

    static String run(java.io.InputStream in, com.amazonaws.services.lambda.runtime.RequestStreamHandler h)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(in, out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code Bearer <a valid token from this class's issuer>}. */
    static String bearerToken() {
        return "Bearer " + Tokens.rs256(Tokens.claims(server.issuer()).build());
    }

    /** The authorizer's response to the event, parsed. */
    static Map<String, Object> answer(JwtAuthorizer authorizer, String event) throws Exception {
        return StrictJson.parseObject(run(bytes(event), authorizer), 8);
    }

    /**
     * Runs the protected function on the API Gateway event and checks that core handed it the token's
     * principal (subject, scopes, groups); returns that principal for the payload-specific checks.
     */
    static Principal principalSeenBy(String event) throws IOException {
        Protected handler = new Protected();

        run(bytes(event), handler);

        Principal p = handler.seen.get();
        assertThat(p).isNotNull();
        assertThat(p.subject()).isEqualTo("user-123");
        assertThat(p.scopes()).containsExactly("orders/read", "orders/write");
        assertThat(p.groups()).containsExactly("admins");
        return p;
    }

    @Test
    void restV1_authorizerContext_readAsPrincipal() throws Exception {
        RestTokenAuthorizer authorizer = new RestTokenAuthorizer(options()) {};
        Map<String, Object> response = answer(authorizer, AuthorizerResponseTest.tokenEvent(bearerToken()));
        // API Gateway passes principalId and each context key (as strings) in requestContext.authorizer
        Map<String, Object> authorizerBlock = new LinkedHashMap<>();
        authorizerBlock.put("principalId", response.get("principalId"));
        authorizerBlock.put("integrationLatency", 41L);
        ((Map<?, ?>) response.get("context")).forEach((k, v) -> authorizerBlock.put((String) k, String.valueOf(v)));
        String event = "{\"resource\":\"/orders/{id}\",\"path\":\"/orders/42\",\"httpMethod\":\"GET\","
                + "\"headers\":{\"Accept\":\"application/json\"},\"multiValueHeaders\":{},\"queryStringParameters\":null,"
                + "\"pathParameters\":{\"id\":\"42\"},\"stageVariables\":null,\"body\":null,\"isBase64Encoded\":false,"
                + "\"requestContext\":{\"resourcePath\":\"/orders/{id}\",\"httpMethod\":\"GET\",\"path\":\"/prod/orders/42\","
                + "\"stage\":\"prod\",\"requestId\":\"r-1\",\"identity\":{\"sourceIp\":\"203.0.113.9\"},\"authorizer\":"
                + new JsonOut().object(authorizerBlock) + "}}";
        Principal p = principalSeenBy(event);

        assertThat(p.claims()).containsEntry("principalId", "user-123").doesNotContainKey("integrationLatency");
    }

    @Test
    void httpV2_lambdaAuthorizerContext_readAsPrincipal() throws Exception {
        HttpApiSimpleAuthorizer authorizer = new HttpApiSimpleAuthorizer(options()) {};
        Map<String, Object> response = answer(authorizer, AuthorizerResponseTest.httpEvent(bearerToken(), "x"));
        assertThat(response).containsEntry("isAuthorized", true);
        // HTTP API passes the context as requestContext.authorizer.lambda
        String event =
                "{\"version\":\"2.0\",\"routeKey\":\"GET /orders\",\"rawPath\":\"/orders\",\"rawQueryString\":\"\","
                        + "\"headers\":{\"accept\":\"application/json\"},\"requestContext\":{\"accountId\":\"123456789012\","
                        + "\"apiId\":\"abcdef123\",\"authorizer\":{\"lambda\":"
                        + new JsonOut().object((Map<?, ?>) response.get("context"))
                        + "},\"domainName\":\"abcdef123.execute-api.us-east-1.amazonaws.com\",\"http\":{\"method\":\"GET\","
                        + "\"path\":\"/orders\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"203.0.113.9\",\"userAgent\":\"t\"},"
                        + "\"requestId\":\"r-2\",\"routeKey\":\"GET /orders\",\"stage\":\"$default\",\"timeEpoch\":1583348638390},"
                        + "\"isBase64Encoded\":false}";
        Principal p = principalSeenBy(event);

        assertThat(p.claims().get("scopes")).isEqualTo(List.of("orders/read", "orders/write"));
    }
}
