package dev.breakglass.password;

/** The current password given to confirm a change is not the member's password. */
public class WrongPasswordException extends RuntimeException {

    public WrongPasswordException() {
        super("That is not your current password. Nothing was changed.");
    }
}
