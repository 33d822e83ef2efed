package dev.breakglass.password;

/** A new password does not meet the {@link PasswordPolicy}; the message says why, as a sentence. */
public class WeakPasswordException extends RuntimeException {

    public WeakPasswordException(String message) {
        super(message);
    }
}
