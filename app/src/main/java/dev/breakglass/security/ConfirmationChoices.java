package dev.breakglass.security;

/**
 * What a member may confirm their identity with, from what they have set up and what the workspace requires.
 *
 * @param passwordAlone the password alone: only without a second factor, where the workspace allows that
 * @param passwordAndCode the password plus a code from the authenticator app (or a Breakglass recovery code)
 * @param passkey a passkey (offered by the passkeys feature)
 */
public record ConfirmationChoices(boolean passwordAlone, boolean passwordAndCode, boolean passkey) {

    /** The workspace requires a second factor and the member has none: nothing confirms them until they set one up. */
    public boolean none() {
        return !passwordAlone && !passwordAndCode && !passkey;
    }
}
