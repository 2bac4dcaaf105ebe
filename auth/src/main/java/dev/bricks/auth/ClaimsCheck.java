package dev.bricks.auth;

import dev.bricks.core.http.PrincipalKeys;
import java.util.List;
import java.util.Map;

/**
 * The claims step, after the signature: audience, Cognito presets, {@code sub}, the NumericDates and the
 * lifetime, then the required scopes and groups. Stateless apart from the options; thread-safe.
 */
final class ClaimsCheck {

    /**
     * Claims that passed every rule.
     *
     * @param claims the verified claims
     * @param expiresAtMillis {@code exp} in epoch millis: an allow is never cached past it
     */
    record ValidClaims(VerifiedClaims claims, long expiresAtMillis) {}

    /** The NumericDates of a token in epoch millis; {@code NONE} where a claim is absent. */
    private record Times(long exp, long nbf, long iat) {
        static final long NONE = Long.MIN_VALUE;
    }

    private final AuthorizerOptions options;
    private final long skewMillis;

    ClaimsCheck(AuthorizerOptions options) {
        this.options = options;
        this.skewMillis = options.clockSkew().toMillis();
    }

    Step<ValidClaims> check(Map<String, Object> claims, String kid) {
        Decision denial = audience(claims);
        if (denial == null) {
            denial = cognito(claims);
        }
        if (denial == null
                && claims.containsKey(PrincipalKeys.SUBJECT)
                && !(claims.get(PrincipalKeys.SUBJECT) instanceof String)) {
            denial = Decision.deny(DenyReason.CLAIMS_INVALID, "sub is not a string");
        }
        if (denial != null) {
            return Step.deny(denial);
        }
        Step<Times> times = times(claims);
        if (times.denied()) {
            return Step.deny(times.denial());
        }
        VerifiedClaims verified = new VerifiedClaims(claims, kid);
        denial = membership(verified);
        return denial != null
                ? Step.deny(denial)
                : Step.pass(new ValidClaims(verified, times.value().exp()));
    }

    private Decision audience(Map<String, Object> claims) {
        if (options.audiences().isEmpty()) {
            return null;
        }
        Object aud = claims.get("aud");
        boolean ok = false;
        if (aud instanceof String a) {
            ok = options.audiences().contains(a);
        } else if (aud instanceof List<?> list) {
            for (Object a : list) {
                if (!(a instanceof String)) {
                    return Decision.deny(DenyReason.CLAIMS_INVALID, "aud holds a non-string");
                }
                ok |= options.audiences().contains(a);
            }
        } else if (aud != null) {
            return Decision.deny(DenyReason.CLAIMS_INVALID, "aud is neither string nor list");
        }
        return ok ? null : Decision.deny(DenyReason.AUDIENCE_NOT_ALLOWED, "aud missing or not allowed");
    }

    private Decision cognito(Map<String, Object> claims) {
        AuthorizerOptions.TokenUse use = options.tokenUse();
        if (use == null) {
            return null;
        }
        if (!use.claim.equals(claims.get("token_use"))) {
            return Decision.deny(DenyReason.TOKEN_USE_NOT_ALLOWED, "token_use is not " + use.claim);
        }
        if (use == AuthorizerOptions.TokenUse.ACCESS && !options.clientIds().contains(claims.get("client_id"))) {
            return Decision.deny(DenyReason.CLIENT_ID_NOT_ALLOWED, "client_id not allowed");
        }
        return null;
    }

    private Step<Times> times(Map<String, Object> claims) {
        if (!claims.containsKey("exp")) {
            return Step.deny(DenyReason.EXP_MISSING, "no exp");
        }
        long now = options.clock().millis();
        Times t = new Times(
                millis(claims.get("exp")),
                claims.containsKey("nbf") ? millis(claims.get("nbf")) : Times.NONE,
                claims.containsKey("iat") ? millis(claims.get("iat")) : Times.NONE);
        if (t.exp() == Times.NONE
                || (claims.containsKey("nbf") && t.nbf() == Times.NONE)
                || (claims.containsKey("iat") && t.iat() == Times.NONE)) {
            return Step.deny(DenyReason.CLAIMS_INVALID, "exp/nbf/iat is not a NumericDate");
        }
        if (now >= t.exp() + skewMillis) {
            return Step.deny(DenyReason.EXPIRED, "expired");
        }
        if (t.nbf() != Times.NONE && t.nbf() - skewMillis > now) {
            return Step.deny(DenyReason.NOT_YET_VALID, "nbf in the future");
        }
        if (t.iat() != Times.NONE && t.iat() - skewMillis > now) {
            return Step.deny(DenyReason.IAT_IN_FUTURE, "iat in the future");
        }
        if (options.maxLifetime() != null) {
            if (t.iat() == Times.NONE) {
                return Step.deny(DenyReason.IAT_MISSING, "no iat with a maximum lifetime");
            }
            if (t.exp() - t.iat() > options.maxLifetime().toMillis()) {
                return Step.deny(DenyReason.LIFETIME_TOO_LONG, "exp - iat exceeds " + options.maxLifetime());
            }
        }
        return Step.pass(t);
    }

    private Decision membership(VerifiedClaims verified) {
        if (!options.requiredScopes().isEmpty() && !verified.scopes().containsAll(options.requiredScopes())) {
            return Decision.deny(DenyReason.SCOPE_MISSING, "a required scope is missing");
        }
        if (!options.anyOfGroups().isEmpty()) {
            for (String g : verified.groups()) {
                if (options.anyOfGroups().contains(g)) {
                    return null;
                }
            }
            return Decision.deny(DenyReason.GROUP_MISSING, "in none of the required groups");
        }
        return null;
    }

    /** NumericDate seconds → epoch millis; {@link Times#NONE} when not a number or out of a sane range. */
    private static long millis(Object v) {
        if (v instanceof Long l) {
            return l >= 0 && l < 100_000_000_000L ? l * 1000 : Times.NONE;
        }
        if (v instanceof Double d) {
            return d >= 0 && d < 1e11 ? (long) (d * 1000) : Times.NONE;
        }
        return Times.NONE;
    }
}
