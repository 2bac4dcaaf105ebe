package dev.bricks.auth;

/**
 * The result of one verification step: the value the next step continues with, or the deny that ends the
 * pipeline. Exactly one of the two is set. Immutable.
 *
 * @param value the step's output when it passed, else null
 * @param denial the deny when it failed, else null
 * @param <T> the step's output type
 */
record Step<T>(T value, Decision denial) {

    static <T> Step<T> pass(T value) {
        return new Step<>(value, null);
    }

    static <T> Step<T> deny(DenyReason reason, String detail) {
        return new Step<>(null, Decision.deny(reason, detail));
    }

    static <T> Step<T> deny(Decision denial) {
        return new Step<>(null, denial);
    }

    boolean denied() {
        return denial != null;
    }
}
