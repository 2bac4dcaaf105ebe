package dev.bricks.auth;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Fetches every issuer's JWKS after a SnapStart restore. The JWKS cache TTL is wall-clock time, so keys cached
 * in an old snapshot have usually expired by the time it is restored; refreshing them here keeps that fetch off
 * the first invocation (a cache that is still valid costs no request). The checkpoint side is the authorizer's
 * {@link JwtAuthorizer#prime()}; this resource exists because {@code BricksHandler} offers no restore hook.
 * Held strongly by its authorizer because {@code org.crac} keeps only weak references.
 */
final class RestoreRefresh implements Resource {

    private final JwtVerifier verifier;

    private RestoreRefresh(JwtVerifier verifier) {
        this.verifier = verifier;
    }

    static RestoreRefresh register(JwtVerifier verifier) {
        RestoreRefresh r = new RestoreRefresh(verifier);
        Core.getGlobalContext().register(r);
        return r;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // the authorizer's prime() fetches the keys before the checkpoint
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        JwtAuthorizer.LOG.info("bricks-auth restore: JWKS {}", verifier.prefetchKeys());
    }
}
