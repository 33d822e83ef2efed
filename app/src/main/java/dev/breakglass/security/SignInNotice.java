package dev.breakglass.security;

import java.util.Optional;

/**
 * Something the sign-in page tells everyone who opens it, such as that no workspace exists yet. Other features
 * implement it; the page shows every notice that is present when it opens.
 */
public interface SignInNotice {

    /** The sentence to show now; empty when there is nothing to say. */
    Optional<String> notice();
}
