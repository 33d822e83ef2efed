package dev.breakglass.security;

import java.time.Duration;

/**
 * The answer to a code or a confirmation of identity.
 *
 * @param waitFor how long to wait before the next try, when {@link Outcome#PAUSED}; zero otherwise
 */
public record Confirmation(Outcome outcome, Duration waitFor) {

    public enum Outcome {
        /** Right: the action may go ahead. */
        CONFIRMED,
        /** Something typed was not right; nothing says which. */
        WRONG,
        /** Too many failures: not checked; try again after the wait. */
        PAUSED,
        /** Too many failures in a row: the session was ended. */
        SESSION_ENDED,
        /** The workspace requires a second factor the member does not have: set one up first. */
        FACTOR_REQUIRED
    }

    static Confirmation of(Outcome outcome) {
        return new Confirmation(outcome, Duration.ZERO);
    }

    static Confirmation paused(Duration waitFor) {
        return new Confirmation(Outcome.PAUSED, waitFor);
    }

    public boolean confirmed() {
        return outcome == Outcome.CONFIRMED;
    }
}
