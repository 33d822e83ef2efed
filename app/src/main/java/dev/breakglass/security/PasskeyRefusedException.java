package dev.breakglass.security;

/** A passkey change that is not allowed, such as an empty name; the message says what to do instead. */
public class PasskeyRefusedException extends RuntimeException {

    public PasskeyRefusedException(String message) {
        super(message);
    }
}
