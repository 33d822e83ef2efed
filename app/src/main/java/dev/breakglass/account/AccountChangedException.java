package dev.breakglass.account;

/**
 * Someone else saved the account after the user opened it; nothing was saved. Saving again with
 * {@link #currentVersion()} replaces their changes with the user's.
 */
public class AccountChangedException extends RuntimeException {

    private final int currentVersion;

    AccountChangedException(String changedBy, int currentVersion) {
        super((changedBy == null ? "Someone else" : changedBy) + " changed this account while you were editing it. "
                + "Your changes are still in the form and nothing was saved: check them against the page and save again "
                + "to replace theirs.");
        this.currentVersion = currentVersion;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
