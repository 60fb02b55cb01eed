package io.vigil.alerting.notify;

/**
 * What one try at a channel came to.
 *
 * @param result delivered, worth another try, or not
 * @param detail what the other side said
 */
record Attempt(Result result, String detail) {

    enum Result {
        DELIVERED,
        RETRIABLE,
        PERMANENT
    }

    static Attempt delivered(String detail) {
        return new Attempt(Result.DELIVERED, detail);
    }

    static Attempt retriable(String detail) {
        return new Attempt(Result.RETRIABLE, detail);
    }

    static Attempt permanent(String detail) {
        return new Attempt(Result.PERMANENT, detail);
    }
}
