package dev.bricks.idempotency;

/** A side effect without a result (sending a mail), for {@link Idempotency#atMostOnce} and {@link Idempotency#atLeastOnce}. */
@FunctionalInterface
public interface Effect {

    /** Performs the effect. */
    void run() throws Exception;
}
