package dev.breakglass.security;

import static dev.breakglass.db.Tables.APP_USER;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Asks for the password again before codes are shown, when the last confirmation (or the sign-in) is older
 * than {@code breakglass.reveal.confirm-every}. The time of the last confirmation lives with the session's
 * sign-in, so another device or a new session starts afresh.
 */
@Service
public class IdentityConfirmation {

    private final DSLContext db;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Duration validFor;

    IdentityConfirmation(
            DSLContext db,
            PasswordEncoder passwords,
            Clock clock,
            @Value("${breakglass.reveal.confirm-every:5m}") Duration validFor) {
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
        this.validFor = validFor;
    }

    /** Whether the signed-in user confirmed their identity recently enough to see codes. */
    public boolean isRecent() {
        BreakglassUserDetails details = signedIn();
        Instant confirmedAt = details == null ? null : details.identityConfirmedAt();
        return confirmedAt != null && !confirmedAt.plus(validFor).isBefore(clock.instant());
    }

    /** @throws IdentityConfirmationRequiredException when the last confirmation is too old */
    public void requireRecent() {
        if (!isRecent()) {
            throw new IdentityConfirmationRequiredException();
        }
    }

    /**
     * Checks the signed-in user's password and, when it is right, starts a new confirmation window.
     *
     * @return whether the password was right
     */
    public boolean confirm(String password) {
        BreakglassUserDetails details = signedIn();
        if (details == null || password == null || password.isEmpty()) {
            return false;
        }
        String hash = db.select(APP_USER.PASSWORD_HASH)
                .from(APP_USER)
                .where(APP_USER.ID.eq(details.signedInUser().userId()))
                .and(APP_USER.ENABLED)
                .fetchOne(APP_USER.PASSWORD_HASH);
        if (hash == null || !passwords.matches(password, hash)) {
            return false;
        }
        details.identityConfirmed(clock.instant());
        return true;
    }

    /** Starts a new confirmation window after {@link PasskeyService} verified a fresh passkey assertion. */
    void confirmedWithPasskey() {
        BreakglassUserDetails details = signedIn();
        if (details != null) {
            details.identityConfirmed(clock.instant());
        }
    }

    private static BreakglassUserDetails signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof BreakglassUserDetails details
                ? details
                : null;
    }
}
