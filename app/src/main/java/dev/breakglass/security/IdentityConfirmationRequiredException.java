package dev.breakglass.security;

/** The action reveals codes and the user's last identity confirmation is too old: ask for the password again. */
public class IdentityConfirmationRequiredException extends RuntimeException {

    public IdentityConfirmationRequiredException() {
        super("Confirm it is you: enter your password again to see the codes.");
    }
}
