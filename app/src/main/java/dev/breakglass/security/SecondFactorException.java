package dev.breakglass.security;

/** A code was not right, or a second factor cannot change as asked; the message says what happened and what to do. */
public class SecondFactorException extends RuntimeException {

    public SecondFactorException(String message) {
        super(message);
    }
}
