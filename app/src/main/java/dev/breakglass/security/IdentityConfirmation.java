package dev.breakglass.security;

import static dev.breakglass.db.Tables.APP_USER;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The step-up before codes are shown or handed out: the member confirms who they are again, with what they have
 * ({@link #choices()}), when this session has not done so within {@code breakglass.reveal.confirm-every}. Signing
 * in is not a confirmation. The time of the last confirmation lives with the session's sign-in, so another device
 * or a new session starts afresh. Failed confirmations are throttled like passwords and audited (a count, never
 * what was typed); {@value #FAILURES_ENDING_SESSION} in a row end the session.
 */
@Service
public class IdentityConfirmation {

    static final int FAILURES_ENDING_SESSION = 5;

    private final DSLContext db;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Duration validFor;
    private final CurrentUser currentUser;
    private final SecondFactorCheck factors;
    private final SignedInSessions sessions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final RevealHold revealHold;
    private final SsoPolicy ssoPolicy;
    private final SingleSignOn singleSignOn;

    IdentityConfirmation(
            DSLContext db,
            PasswordEncoder passwords,
            Clock clock,
            @Value("${breakglass.reveal.confirm-every:5m}") Duration validFor,
            CurrentUser currentUser,
            SecondFactorCheck factors,
            SignedInSessions sessions,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            RevealHold revealHold,
            SsoPolicy ssoPolicy,
            SingleSignOn singleSignOn) {
        this.ssoPolicy = ssoPolicy;
        this.singleSignOn = singleSignOn;
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
        this.validFor = validFor;
        this.currentUser = currentUser;
        this.factors = factors;
        this.sessions = sessions;
        this.events = events;
        this.transaction = transaction;
        this.revealHold = revealHold;
    }

    /** Whether this session confirmed its identity with a step-up recently enough to see codes. */
    public boolean isRecent() {
        BreakglassUserDetails details = signedIn();
        Instant confirmedAt = details == null ? null : details.identityConfirmedAt();
        return confirmedAt != null && !confirmedAt.plus(validFor).isBefore(clock.instant());
    }

    /** @throws IdentityConfirmationRequiredException when this session has no recent step-up */
    public void requireRecent() {
        if (!isRecent()) {
            throw new IdentityConfirmationRequiredException();
        }
    }

    /**
     * Before codes are shown or handed out: a recent step-up, and no hold on this member's reveals after an admin's
     * link reset their password ({@link RevealHold}).
     *
     * @throws IdentityConfirmationRequiredException when this session has no recent step-up
     * @throws RevealHeldException while the member's reveals are held
     */
    public void requireRecentToReveal() {
        requireRecent();
        revealHold.requireNone(require().signedInUser().userId());
    }

    /** What the signed-in member may confirm with. */
    public ConfirmationChoices choices() {
        return choicesOf(require().signedInUser());
    }

    /**
     * Confirming by signing in again at the workspace's identity provider, when it has one: the button's name and the
     * address that starts it and comes back to {@code returnPath}.
     */
    public Optional<SingleSignOn.Provider> ssoChoice(String returnPath) {
        return singleSignOn.stepUp(returnPath);
    }

    /** Where single sign-on is the only way in, only the provider confirms (see {@link SingleSignOn#stepUp}). */
    private ConfirmationChoices choicesOf(SignedInUser user) {
        return ssoPolicy.passwordRefused(user) ? new ConfirmationChoices(false, false, false) : factors.choices(user);
    }

    /**
     * Checks the password, and the code when the member has an authenticator app (a code from the app or one of
     * their Breakglass recovery codes); when both are right, starts a new confirmation window.
     *
     * @param code ignored when the member confirms with the password alone
     */
    public Confirmation confirm(String password, String code) {
        BreakglassUserDetails details = require();
        SignedInUser user = details.signedInUser();
        ConfirmationChoices choices = choicesOf(user);
        if (!choices.passwordAlone() && !choices.passwordAndCode()) {
            return Confirmation.of(Confirmation.Outcome.FACTOR_REQUIRED);
        }
        Duration wait = factors.reserveAttempt(user);
        if (!wait.isZero()) {
            return Confirmation.paused(wait);
        }
        // The code is checked only after a right password, so a wrong password never uses up a recovery code.
        boolean right = passwordMatches(user, password)
                && (choices.passwordAlone() || transaction.execute(status -> factors.acceptCode(user, code)));
        if (right) {
            factors.attemptSucceeded(user);
            details.identityConfirmed(clock.instant());
            if (!choices.passwordAlone()) {
                revealHold.confirmedWithAuthenticatorApp(user.workspaceId(), user.userId());
            }
            return Confirmation.of(Confirmation.Outcome.CONFIRMED);
        }
        return failed(details);
    }

    /**
     * A passkey step-up: reserved and counted like a password (so failed passkeys count toward the limit that ends
     * the session), with {@code verify} checking the browser's signature once the attempt may go ahead.
     */
    Confirmation confirmWithPasskey(BooleanSupplier verify) {
        BreakglassUserDetails details = require();
        SignedInUser user = details.signedInUser();
        Duration wait = factors.reserveAttempt(user);
        if (!wait.isZero()) {
            return Confirmation.paused(wait);
        }
        if (verify.getAsBoolean()) {
            factors.attemptSucceeded(user);
            details.identityConfirmed(clock.instant());
            return Confirmation.of(Confirmation.Outcome.CONFIRMED);
        }
        return failed(details);
    }

    /** Audits a failed confirmation (its count, never the input) and ends the session after too many in a row. */
    private Confirmation failed(BreakglassUserDetails details) {
        SignedInUser user = details.signedInUser();
        int inARow = details.confirmationFailed();
        boolean ending = inARow >= FAILURES_ENDING_SESSION;
        transaction.executeWithoutResult(status -> {
            publish(user, SignInSecurityAction.IDENTITY_CONFIRMATION_FAILED, inARow);
            if (ending) {
                publish(user, SignInSecurityAction.SESSION_ENDED_AFTER_FAILED_CONFIRMATIONS, inARow);
            }
        });
        if (!ending) {
            return Confirmation.of(Confirmation.Outcome.WRONG);
        }
        details.end();
        HttpSession session = SignInCompletion.currentSession();
        if (session != null) {
            sessions.end(session);
        }
        return Confirmation.of(Confirmation.Outcome.SESSION_ENDED);
    }

    private boolean passwordMatches(SignedInUser user, String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        String hash = db.select(APP_USER.PASSWORD_HASH)
                .from(APP_USER)
                .where(APP_USER.ID.eq(user.userId()))
                .and(APP_USER.ENABLED)
                .fetchOne(APP_USER.PASSWORD_HASH);
        return hash != null && passwords.matches(password, hash);
    }

    /**
     * Starts a new confirmation window for a session whose member just signed in again at the workspace's provider
     * ({@link SsoLogin} checked the provider's {@code auth_time}); the provider sent the browser back without the
     * session's cookie, so the session is named, not current.
     */
    void confirmedWithSso(BreakglassUserDetails details) {
        details.identityConfirmed(clock.instant());
        factors.attemptSucceeded(details.signedInUser());
    }

    private void publish(SignedInUser user, SignInSecurityAction action, int count) {
        events.publishEvent(
                new SignInSecurityChanged(user.workspaceId(), user.userId(), user.userId(), action, count, ""));
    }

    private BreakglassUserDetails require() {
        BreakglassUserDetails details = signedIn();
        if (details == null) {
            throw new AuthenticationCredentialsNotFoundException("Please sign in.");
        }
        return details;
    }

    /** This session's member, only once their sign-in is complete. */
    private BreakglassUserDetails signedIn() {
        return currentUser.find().isPresent() ? currentUser.details().orElse(null) : null;
    }
}
