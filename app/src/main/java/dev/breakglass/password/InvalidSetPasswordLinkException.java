package dev.breakglass.password;

/** A set-password link that does not exist, was used already, or has expired; all look the same. */
public class InvalidSetPasswordLinkException extends RuntimeException {

    public InvalidSetPasswordLinkException() {
        super("This link has expired or was used already. Ask an admin of your workspace for a new one.");
    }
}
