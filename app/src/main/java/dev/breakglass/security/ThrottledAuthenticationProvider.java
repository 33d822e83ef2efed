package dev.breakglass.security;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks e-mail and password like Spring Security's own provider, but refuses attempts while the
 * {@link LoginThrottle} says to wait, and records every failure. The login page shows one generic message
 * whatever the reason, so a refusal never tells whether the address exists or is being throttled.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final MemberDetailsService members;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, MemberDetailsService members,
            LoginThrottle throttle, ApplicationEventPublisher events, Clock clock) {
        this.passwords = passwords;
        this.members = members;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = String.valueOf(attempt.getName());
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        Instant now = clock.instant();
        if (!throttle.waitBeforeAttempt(email, address, now).isZero()) {
            // Not counted as a failure: the delay grows with wrong passwords, not with impatience.
            reportFailure(email, address, true);
            throw new BadCredentialsException("Too many failed attempts; wait before trying again");
        }
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            throttle.recordSuccess(email);
            return authenticated;
        } catch (AuthenticationException e) {
            throttle.recordFailure(email, address, now);
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
            // No workspace to file it under; the typed address is not logged, it may be a password typed in the wrong field.
            log.info("Failed sign-in for an unknown e-mail address from {}{}", address, throttled ? " (throttled)" : "");
        }
    }
}
