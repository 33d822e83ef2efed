package dev.breakglass.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * Too many wrong passwords for this e-mail address from this client address (or from this client address
 * altogether): sign-in is paused, and the password was not checked. It says for how long, never whether the
 * e-mail address belongs to anyone.
 */
public class SignInPausedException extends AuthenticationException {

    private final Duration wait;

    SignInPausedException(Duration wait) {
        super("Sign-in is paused after too many failed attempts");
        this.wait = wait;
    }

    public Duration pausedFor() {
        return wait;
    }
}
