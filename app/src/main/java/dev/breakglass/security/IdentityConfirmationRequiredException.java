package dev.breakglass.security;

/** The action shows or hands out codes, or is privileged, and this session has no recent step-up: confirm who you are first. */
public class IdentityConfirmationRequiredException extends RuntimeException {

    public IdentityConfirmationRequiredException() {
        super("Confirm it is you first: this needs a recent confirmation of who you are.");
    }
}
