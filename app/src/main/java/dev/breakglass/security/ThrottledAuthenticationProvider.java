package dev.breakglass.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks e-mail and password like Spring Security's own provider (which hashes a dummy password for an unknown
 * address, so both take the same time), after reserving the attempt with the {@link LoginThrottle}; every failure
 * is reported. A wrong password and an unknown address get the same message; a paused sign-in says so and for how
 * long, since the pause depends on the attempts, not on whether the address exists.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final MemberDetailsService members;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ThrottledAuthenticationProvider(
            DaoAuthenticationProvider passwords,
            MemberDetailsService members,
            LoginThrottle throttle,
            ApplicationEventPublisher events,
            Clock clock) {
        this.passwords = passwords;
        this.members = members;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = String.valueOf(attempt.getName());
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        Instant now = clock.instant();
        Duration wait = throttle.reserveAttempt(email, address, now);
        if (!wait.isZero()) {
            // Not counted as a failure: the delay grows with wrong passwords, not with impatience.
            reportFailure(email, address, true);
            throw new SignInPausedException(wait);
        }
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            throttle.recordSuccess(email, address);
            return authenticated;
        } catch (AuthenticationException e) {
            // The reserved attempt stays counted as a failure.
            reportFailure(email, address, false);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private void reportFailure(String email, String address, boolean throttled) {
        try {
            SignedInUser member = ((BreakglassUserDetails) members.loadUserByUsername(email)).signedInUser();
            events.publishEvent(new LoginFailed(member.workspaceId(), member.userId(), address, throttled));
        } catch (UsernameNotFoundException e) {
            // No workspace to file it under; the typed address is not logged, it may be a password typed in the wrong
            // field.
            log.info(
                    "Failed sign-in for an unknown e-mail address from {}{}", address, throttled ? " (throttled)" : "");
        }
    }
}
