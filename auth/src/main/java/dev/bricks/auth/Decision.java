package dev.bricks.auth;

import java.util.Objects;

/**
 * The outcome of verifying one token: allowed with its claims, or denied with a reason code. Immutable.
 *
 * @param claims the verified claims when allowed, else null
 * @param reason the deny reason when denied, else null
 * @param detail a short, token-free explanation for logs; never null
 */
public record Decision(VerifiedClaims claims, DenyReason reason, String detail) {

    /** Validates that exactly one of claims and reason is set. */
    public Decision {
        if ((claims == null) == (reason == null)) {
            throw new IllegalArgumentException("a decision is either allowed (claims) or denied (reason)");
        }
        Objects.requireNonNull(detail, "detail");
    }

    static Decision allow(VerifiedClaims claims) {
        return new Decision(claims, null, "verified");
    }

    static Decision deny(DenyReason reason, String detail) {
        return new Decision(null, reason, detail);
    }

    /** Whether the token was accepted. */
    public boolean allowed() {
        return claims != null;
    }
}
