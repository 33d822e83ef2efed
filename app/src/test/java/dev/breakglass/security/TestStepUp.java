package dev.breakglass.security;

import java.time.Instant;
import org.springframework.security.core.Authentication;

/**
 * Marks a test's sign-in as confirmed by a step-up, for tests about something else than the step-up itself (the
 * step-up is tested through the Confirm it is you dialog and {@link IdentityConfirmation}).
 */
public final class TestStepUp {

    private TestStepUp() {}

    public static void confirmed(Authentication authentication, Instant at) {
        ((BreakglassUserDetails) authentication.getPrincipal()).identityConfirmed(at);
    }
}
