package dev.bricks.auth;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import java.util.Map;

/**
 * The header step: strict JSON, JWS only, {@code alg} allow-list, no key-reference headers, no {@code crit},
 * {@code kid} and {@code typ} rules, then nimbus' {@link JWSHeader} for the signature step. Stateless apart
 * from the options; thread-safe.
 */
final class HeaderCheck {

    private static final String[] KEY_REFERENCE_HEADERS = {"jku", "x5u", "x5c", "jwk"};

    /**
     * A header that passed every rule.
     *
     * @param jws nimbus' parsed header, for the signature check
     * @param algorithm the allowed algorithm it names
     * @param kid its {@code kid}; null only when {@code kid} is not required
     */
    record Header(JWSHeader jws, SignatureAlgorithm algorithm, String kid) {}

    private final AuthorizerOptions options;

    HeaderCheck(AuthorizerOptions options) {
        this.options = options;
    }

    Step<Header> check(String segment) {
        Map<String, Object> header;
        try {
            header = TokenShape.json(segment, options.maxJsonDepth());
        } catch (StrictJson.Rejected e) {
            return Step.deny(e.reason, "header: " + e.getMessage());
        }
        Step<SignatureAlgorithm> algorithm = algorithm(header);
        if (algorithm.denied()) {
            return Step.deny(algorithm.denial());
        }
        for (String name : KEY_REFERENCE_HEADERS) {
            if (header.containsKey(name)) {
                return Step.deny(DenyReason.KEY_REFERENCE_HEADER, name + " header present");
            }
        }
        if (header.containsKey("crit")) {
            return Step.deny(DenyReason.CRIT_UNSUPPORTED, "crit header present");
        }
        Step<String> kid = kid(header);
        if (kid.denied()) {
            return Step.deny(kid.denial());
        }
        Object typ = header.get("typ");
        if (typ == null) {
            if (!options.allowMissingType()) {
                return Step.deny(DenyReason.TYP_NOT_ALLOWED, "typ missing");
            }
        } else if (!(typ instanceof String t) || !options.types().contains(AuthorizerOptions.normaliseType(t))) {
            return Step.deny(DenyReason.TYP_NOT_ALLOWED, "typ not allowed");
        }
        try {
            return Step.pass(
                    new Header(JWSHeader.parse(header, new Base64URL(segment)), algorithm.value(), kid.value()));
        } catch (ParseException e) {
            return Step.deny(DenyReason.HEADER_INVALID, "header rejected by JWS parser");
        }
    }

    private Step<SignatureAlgorithm> algorithm(Map<String, Object> header) {
        if (header.containsKey("enc")) {
            return Step.deny(DenyReason.NOT_JWS, "JWE header");
        }
        if (!(header.get("alg") instanceof String alg)) {
            return Step.deny(DenyReason.NOT_JWS, "no alg");
        }
        if ("none".equalsIgnoreCase(alg)) {
            return Step.deny(DenyReason.NOT_JWS, "unsecured JWT");
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.byName(alg);
        if (algorithm == null || !options.algorithms().contains(algorithm)) {
            return Step.deny(DenyReason.ALG_NOT_ALLOWED, "alg not allowed");
        }
        return Step.pass(algorithm);
    }

    /** The {@code kid}, or a pass with null when it is absent and not required. */
    private Step<String> kid(Map<String, Object> header) {
        Object kid = header.get("kid");
        if (kid == null) {
            return options.requireKid() ? Step.deny(DenyReason.KID_MISSING, "no kid") : Step.pass(null);
        }
        if (!(kid instanceof String s) || s.isEmpty()) {
            return Step.deny(DenyReason.HEADER_INVALID, "kid is not a non-empty string");
        }
        return Step.pass(s);
    }
}
