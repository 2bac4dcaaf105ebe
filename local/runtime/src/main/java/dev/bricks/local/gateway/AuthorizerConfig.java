package dev.bricks.local.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A Lambda authorizer of an API, as {@code Auth.Authorizers.<name>} of a SAM {@code HttpApi} or {@code Api}
 * declares it. Build with {@link #builder(String, String)}.
 *
 * <pre>{@code
 * AuthorizerConfig auth = AuthorizerConfig.builder("TokenAuth", "AuthorizerFunction")
 *         .type(AuthorizerType.REQUEST)
 *         .identitySource("$request.header.Authorization")
 *         .resultTtl(Duration.ofMinutes(5))
 *         .simpleResponses(true)
 *         .build();
 * }</pre>
 *
 * @param name the authorizer's name, referenced by {@link RouteConfig#authorizer()}
 * @param type {@link AuthorizerType#REQUEST} or (REST only) {@link AuthorizerType#TOKEN}
 * @param functionId the authorizer function's logical id
 * @param identitySources where the identity comes from: HTTP API {@code $request.header.Authorization},
 *     {@code $request.querystring.token}, {@code $context.routeKey}, {@code $stageVariables.name}; REST
 *     {@code method.request.header.Authorization}, {@code method.request.querystring.token},
 *     {@code stageVariables.name}, {@code context.httpMethod}. A request missing any of them gets 401 without
 *     invoking the authorizer. Empty only with caching off (then nothing is required)
 * @param resultTtl how long a result is cached, keyed by the identity source values; {@link Duration#ZERO} = off;
 *     at most {@link #MAX_RESULT_TTL}
 * @param simpleResponses HTTP API payload 2.0 only: the function answers {@code {"isAuthorized":…,"context":…}}
 *     instead of an IAM policy
 * @param payloadFormat HTTP API: the authorizer's event format; REST authorizers use {@link PayloadFormat#V1_0}
 * @param identityValidationExpression REST TOKEN only: a regular expression the token must match, else 401
 *     without invoking the authorizer; null for none
 */
public record AuthorizerConfig(
        String name,
        AuthorizerType type,
        String functionId,
        List<String> identitySources,
        Duration resultTtl,
        boolean simpleResponses,
        PayloadFormat payloadFormat,
        String identityValidationExpression) {

    /** API Gateway's upper bound for {@link #resultTtl()}: 3600 s. */
    public static final Duration MAX_RESULT_TTL = Duration.ofHours(1);

    /** REST API's default result TTL when the template sets none: 300 s. */
    public static final Duration REST_DEFAULT_RESULT_TTL = Duration.ofMinutes(5);

    /** REST's default identity source of a TOKEN authorizer. */
    public static final String REST_DEFAULT_TOKEN_SOURCE = "method.request.header.Authorization";

    /** Validates the values. */
    public AuthorizerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(functionId, "functionId");
        Objects.requireNonNull(resultTtl, "resultTtl");
        Objects.requireNonNull(payloadFormat, "payloadFormat");
        identitySources = List.copyOf(identitySources);
        if (name.isBlank() || functionId.isBlank()) {
            throw new IllegalArgumentException(
                    "Authorizer name and functionId must not be blank: '" + name + "', '" + functionId + "'");
        }
        if (resultTtl.isNegative() || resultTtl.compareTo(MAX_RESULT_TTL) > 0) {
            throw new IllegalArgumentException("Authorizer " + name + ": resultTtl must be 0-3600 s, was " + resultTtl);
        }
        if (simpleResponses && payloadFormat != PayloadFormat.V2_0) {
            throw new IllegalArgumentException("Authorizer " + name + ": simple responses need payload format 2.0");
        }
        if (type == AuthorizerType.TOKEN && identitySources.size() != 1) {
            throw new IllegalArgumentException("Authorizer " + name + ": a TOKEN authorizer takes exactly one identity"
                    + " source (a header), was " + identitySources);
        }
        if (identitySources.isEmpty() && !resultTtl.isZero()) {
            throw new IllegalArgumentException("Authorizer " + name + ": caching needs at least one identity source");
        }
        for (String source : identitySources) {
            IdentitySource.parse(source); // fails fast naming the source
        }
        if (identityValidationExpression != null) {
            try {
                Pattern.compile(identityValidationExpression);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "Authorizer " + name + ": identityValidationExpression is not a" + " regular expression: "
                                + e.getDescription(),
                        e);
            }
        }
    }

    /**
     * Starts a builder: type {@link AuthorizerType#REQUEST}, no identity source, caching off, policy responses,
     * payload 2.0, no validation expression.
     *
     * @param name the authorizer's name in the API
     * @param functionId the authorizer function's logical id
     * @return a new builder
     */
    public static Builder builder(String name, String functionId) {
        return new Builder(name, functionId);
    }

    /** Builds an {@link AuthorizerConfig}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final String functionId;
        private AuthorizerType type = AuthorizerType.REQUEST;
        private final List<String> identitySources = new ArrayList<>();
        private Duration resultTtl = Duration.ZERO;
        private boolean simpleResponses;
        private PayloadFormat payloadFormat = PayloadFormat.V2_0;
        private String identityValidationExpression;

        private Builder(String name, String functionId) {
            this.name = name;
            this.functionId = functionId;
        }

        /** @param type REQUEST (default) or TOKEN; @return this */
        public Builder type(AuthorizerType type) {
            this.type = type;
            return this;
        }

        /** Adds one identity source, e.g. {@code $request.header.Authorization}. @return this */
        public Builder identitySource(String source) {
            identitySources.add(source);
            return this;
        }

        /** @param ttl result cache time; {@link Duration#ZERO} (default) = off; @return this */
        public Builder resultTtl(Duration ttl) {
            this.resultTtl = ttl;
            return this;
        }

        /** @param simple whether the function gives HTTP API simple responses; @return this */
        public Builder simpleResponses(boolean simple) {
            this.simpleResponses = simple;
            return this;
        }

        /** @param format the authorizer's event format (default 2.0; use 1.0 for REST); @return this */
        public Builder payloadFormat(PayloadFormat format) {
            this.payloadFormat = format;
            return this;
        }

        /** @param regex REST TOKEN validation expression, or null; @return this */
        public Builder identityValidationExpression(String regex) {
            this.identityValidationExpression = regex;
            return this;
        }

        /** @return the validated config @throws IllegalArgumentException naming a bad value */
        public AuthorizerConfig build() {
            return new AuthorizerConfig(
                    name,
                    type,
                    functionId,
                    identitySources,
                    resultTtl,
                    simpleResponses,
                    payloadFormat,
                    identityValidationExpression);
        }
    }
}
