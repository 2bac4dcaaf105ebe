package dev.bricks.auth;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: fetches every issuer's JWKS before the snapshot, and again after restore. The JWKS cache
 * TTL is wall-clock time, so keys cached in an old snapshot have usually expired by the time it is restored;
 * refreshing them in the restore hook keeps that fetch off the first invocation (a cache that is still
 * valid costs no request). Held strongly by its authorizer because {@code org.crac} keeps only weak references.
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
        JwtAuthorizer.LOG.info("bricks-auth restore: JWKS {}", verifier.prefetchKeys());
    }
}
