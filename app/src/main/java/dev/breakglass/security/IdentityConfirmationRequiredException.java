package dev.breakglass.security;

/** The action shows or hands out codes and this session has no recent step-up: confirm who you are first. */
public class IdentityConfirmationRequiredException extends RuntimeException {

    public IdentityConfirmationRequiredException() {
        super("Confirm it is you before the codes are shown.");
    }
}
