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
 * long, since the pause depends on the attempts, not on whether the address exists. A right password leads to the
 * stage the member's second factor asks for ({@link SignInStage}); a sign-in that ends there is reported too.
 *
 * <p>Whatever happens, a failed attempt answers no sooner than {@code breakglass.login.failure-floor} after it
 * started: the paths for an unknown address, a wrong password, a deactivated member and a paused sign-in do different
 * work (an audit entry is written only for a known member), and the floor hides that difference in the answer's
 * timing.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final DaoAuthenticationProvider passwords;
    private final MemberDetailsService members;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecondFactorCheck factors;
    private final Duration failureFloor;

    ThrottledAuthenticationProvider(
            DaoAuthenticationProvider passwords,
            MemberDetailsService members,
            LoginThrottle throttle,
            ApplicationEventPublisher events,
            Clock clock,
            SecondFactorCheck factors,
            Duration failureFloor) {
        this.factors = factors;
        this.failureFloor = failureFloor;
        this.passwords = passwords;
        this.members = members;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        long started = System.nanoTime();
        try {
            return check(attempt);
        } catch (AuthenticationException e) {
            answerNoSoonerThanTheFloor(started);
            throw e;
        }
    }

    private void answerNoSoonerThanTheFloor(long started) {
        long left = failureFloor.toNanos() - (System.nanoTime() - started);
        if (left > 0) {
            try {
                Thread.sleep(Duration.ofNanos(left).toMillis(), (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Authentication check(Authentication attempt) {
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
            // A right password is not yet a sign-in when a second factor is due or must be set up first.
            BreakglassUserDetails member = (BreakglassUserDetails) authenticated.getPrincipal();
            SignInStage stage = factors.stageAfterPassword(member.signedInUser());
            if (stage == SignInStage.SIGNED_IN) {
                SignedInUser user = member.signedInUser();
                events.publishEvent(new SignedInWithPassword(user.workspaceId(), user.userId(), address, false));
            }
            return SignInCompletion.atStage(member, stage, authenticated.getDetails());
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
