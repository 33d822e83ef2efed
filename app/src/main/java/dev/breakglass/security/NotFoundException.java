package dev.breakglass.security;

/**
 * The record does not exist, or the caller may not know that it does. Both look the same on purpose,
 * so nobody can probe which accounts exist.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " was not found.");
    }
}
