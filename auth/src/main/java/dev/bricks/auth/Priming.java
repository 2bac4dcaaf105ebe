package dev.bricks.auth;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: fetches every issuer's JWKS before the snapshot so restored environments start warm.
 * The JWKS cache TTL still applies after restore (nimbus measures it in wall-clock time). Held strongly by its
 * authorizer because {@code org.crac} keeps only weak references.
 */
final class Priming implements Resource {

    private final JwtVerifier verifier;

    private Priming(JwtVerifier verifier) {
        this.verifier = verifier;
    }

    static Priming register(JwtVerifier verifier) {
        Priming p = new Priming(verifier);
        Core.getGlobalContext().register(p);
        return p;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        JwtAuthorizer.LOG.info("bricks-auth priming: JWKS {}", verifier.prefetchKeys());
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // keys are in the restored cache; nothing to do
    }
}
