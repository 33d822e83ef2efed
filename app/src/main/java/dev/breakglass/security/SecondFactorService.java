package dev.breakglass.security;

import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member's second factor for Breakglass itself: the authenticator app and the recovery codes, the second step of
 * a password sign-in, the workspace's policy, and an admin's reset. The door for the Sign-in security page and the
 * code page; it works for a session that must still set up a factor, and for the code page only while a code is
 * due.
 */
@Service
public class SecondFactorService {

    private final SecondFactorRepository factors;
    private final SecondFactorCheck check;
    private final CurrentUser currentUser;
    private final AccessPolicy access;
    private final IdentityConfirmation identity;
    private final SignInCompletion completion;
    private final SignedInSessions sessions;
    private final ApplicationEventPublisher events;
    // Through a provider: the passkeys service depends on the step-up, which this service's neighbours use too.
    private final ObjectProvider<PasskeyService> passkeys;
    private final TransactionTemplate transaction;
    private final DSLContext db;

    SecondFactorService(
            SecondFactorRepository factors,
            SecondFactorCheck check,
            CurrentUser currentUser,
            AccessPolicy access,
            IdentityConfirmation identity,
            SignInCompletion completion,
            SignedInSessions sessions,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            DSLContext db,
            ObjectProvider<PasskeyService> passkeys) {
        this.passkeys = passkeys;
        this.factors = factors;
        this.check = check;
        this.currentUser = currentUser;
        this.access = access;
        this.identity = identity;
        this.completion = completion;
        this.sessions = sessions;
        this.events = events;
        this.transaction = transaction;
        this.db = db;
    }

    /** What the Sign-in security page shows the member. */
    @PreAuthorize("isAuthenticated()")
    public SignInSecurity overview() {
        SignedInUser user = member();
        WorkspaceRole role = currentRole(user);
        return new SignInSecurity(
                check.hasAuthenticatorApp(user),
                factors.countUnusedRecoveryCodes(user.workspaceId(), user.userId()),
                check.hasPasskey(user),
                check.requiresSecondFactor(user),
                factors.policy(user.workspaceId()),
                role.mayRequireSecondFactor(),
                currentUser.stage().orElseThrow());
    }

    /**
     * Starts setting up an authenticator app: a new secret, stored encrypted and not yet a factor until {@link
     * #finishAuthenticatorSetup} sees a right code.
     */
    @PreAuthorize("isAuthenticated()")
    public AuthenticatorSetup startAuthenticatorSetup() {
        SignedInUser user = member();
        if (check.hasAuthenticatorApp(user)) {
            throw new SecondFactorException(
                    "You already have an authenticator app. Remove it first to set up another one.");
        }
        String secret = AuthenticatorCodes.newSecret();
        UUID enrolmentId = UUID.randomUUID();
        String ciphertext = check.encryptSecret(user, enrolmentId, secret); // before the transaction, as codes are
        if (!factors.savePendingApp(user.workspaceId(), user.userId(), enrolmentId, ciphertext)) {
            throw new SecondFactorException(
                    "You already have an authenticator app. Remove it first to set up another one.");
        }
        return new AuthenticatorSetup(secret, user.email());
    }

    /**
     * Finishes the set-up with a code from the app: from now on a password sign-in asks for a code. Returns the
     * member's ten new recovery codes, to show once; only their hashes are kept.
     */
    @PreAuthorize("isAuthenticated()")
    public List<String> finishAuthenticatorSetup(String code) {
        SignedInUser user = member();
        var pending = factors.findApp(user.workspaceId(), user.userId())
                .filter(app -> !app.confirmed())
                .orElseThrow(() -> new SecondFactorException(
                        "There is no authenticator app being set up. Start again with Set up an authenticator app."));
        Duration wait = check.reserveAttempt(user);
        if (!wait.isZero()) {
            throw new SecondFactorException("Too many wrong codes. Wait " + about(wait) + ", then try again.");
        }
        byte[] secret = check.secretOf(user, pending.enrolmentId(), pending.secretCiphertext());
        OptionalLong step = check.matchingStep(secret, code);
        if (step.isEmpty()) {
            throw new SecondFactorException(
                    "That code is not right. Type the six digits your app shows now (check the phone's clock).");
        }
        check.attemptSucceeded(user);
        SecondFactorCheck.RecoveryCodeBatch recovery = check.newRecoveryCodes();
        transaction.executeWithoutResult(status -> {
            if (!factors.confirmApp(
                    user.workspaceId(), user.userId(), pending.enrolmentId(), step.getAsLong(), check.now())) {
                throw new SecondFactorException("The set-up changed meanwhile. Start again.");
            }
            factors.replaceRecoveryCodes(user.workspaceId(), user.userId(), recovery.hashes());
            publish(user, user.userId(), SignInSecurityAction.SECOND_FACTOR_ENROLLED, 0, "authenticator app");
            publish(
                    user,
                    user.userId(),
                    SignInSecurityAction.RECOVERY_CODES_GENERATED,
                    recovery.codes().size(),
                    "");
        });
        completeIfEnrolmentWasDue();
        return recovery.codes();
    }

    /**
     * Removes the authenticator app and the recovery codes, after a fresh step-up; refused when the workspace
     * requires a second factor and this is the member's only one.
     */
    @PreAuthorize("isAuthenticated()")
    public void removeAuthenticatorApp() {
        SignedInUser user = currentUser.require();
        identity.requireRecent();
        if (check.requiresSecondFactor(user) && !check.hasPasskey(user)) {
            throw new SecondFactorException(
                    "Your workspace requires a second factor. Add a passkey before you remove the authenticator app.");
        }
        transaction.executeWithoutResult(status -> {
            if (factors.deleteApp(user.workspaceId(), user.userId())) {
                factors.deleteRecoveryCodes(user.workspaceId(), user.userId());
                publish(user, user.userId(), SignInSecurityAction.SECOND_FACTOR_REMOVED, 0, "authenticator app");
            }
        });
    }

    /** Replaces the member's recovery codes with ten new ones, after a fresh step-up; returns them to show once. */
    @PreAuthorize("isAuthenticated()")
    public List<String> newRecoveryCodes() {
        SignedInUser user = currentUser.require();
        identity.requireRecent();
        if (!check.hasAuthenticatorApp(user)) {
            throw new SecondFactorException("Set up an authenticator app first; its recovery codes come with it.");
        }
        SecondFactorCheck.RecoveryCodeBatch recovery = check.newRecoveryCodes();
        transaction.executeWithoutResult(status -> {
            factors.replaceRecoveryCodes(user.workspaceId(), user.userId(), recovery.hashes());
            publish(
                    user,
                    user.userId(),
                    SignInSecurityAction.RECOVERY_CODES_GENERATED,
                    recovery.codes().size(),
                    "");
        });
        return recovery.codes();
    }

    /** The second step of a password sign-in: a code from the app or a recovery code. */
    @PreAuthorize("isAuthenticated()")
    public Confirmation finishSignIn(String code) {
        if (currentUser.stage().orElse(null) != SignInStage.CODE_PENDING) {
            throw new AuthenticationCredentialsNotFoundException("Please sign in.");
        }
        BreakglassUserDetails details = currentUser.details().orElseThrow();
        SignedInUser user = details.signedInUser();
        Duration wait = check.reserveAttempt(user);
        if (!wait.isZero()) {
            signInCodeFailed(user, true);
            return Confirmation.paused(wait);
        }
        boolean right = transaction.execute(status -> check.acceptCode(user, code));
        if (!right) {
            signInCodeFailed(user, false);
            return Confirmation.of(Confirmation.Outcome.WRONG);
        }
        check.attemptSucceeded(user);
        completion.complete(details);
        events.publishEvent(
                new SignedInWithPassword(user.workspaceId(), user.userId(), SignInCompletion.clientAddress(), true));
        return Confirmation.of(Confirmation.Outcome.CONFIRMED);
    }

    /** Which second step this session's sign-in waits for; {@link SignInStage#SIGNED_IN} when none. */
    @PreAuthorize("isAuthenticated()")
    public SignInStage pendingStage() {
        return currentUser.stage().orElse(SignInStage.SIGNED_IN);
    }

    /**
     * A challenge to finish a password sign-in with one of the member's passkeys: the only way for a member with a
     * passkey and no authenticator app, another way for one with both; empty for a member without a passkey.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<PasskeyChallenge> challengeToFinishSignIn() {
        SignedInUser user = pendingSignIn().signedInUser();
        return check.hasPasskey(user)
                ? Optional.of(passkeys.getObject().challengeFor(user.userId()))
                : Optional.empty();
    }

    /** The second step of a password sign-in with a passkey: throttled and audited like a code. */
    @PreAuthorize("isAuthenticated()")
    public Confirmation finishSignInWithPasskey(PasskeyChallenge challenge, String assertion) {
        BreakglassUserDetails details = pendingSignIn();
        SignedInUser user = details.signedInUser();
        Duration wait = check.reserveAttempt(user);
        if (!wait.isZero()) {
            signInCodeFailed(user, true);
            return Confirmation.paused(wait);
        }
        if (!passkeys.getObject().signedByOwnPasskey(user.userId(), challenge, assertion)) {
            signInCodeFailed(user, false);
            return Confirmation.of(Confirmation.Outcome.WRONG);
        }
        check.attemptSucceeded(user);
        completion.complete(details);
        events.publishEvent(
                new SignedInWithPasskey(user.workspaceId(), user.userId(), SignInCompletion.clientAddress()));
        return Confirmation.of(Confirmation.Outcome.CONFIRMED);
    }

    /** This session's member half-way through a password sign-in (a code or a passkey is due). */
    private BreakglassUserDetails pendingSignIn() {
        SignInStage stage = currentUser.stage().orElse(null);
        if (stage != SignInStage.CODE_PENDING && stage != SignInStage.PASSKEY_PENDING) {
            throw new AuthenticationCredentialsNotFoundException("Please sign in.");
        }
        return currentUser.details().orElseThrow();
    }

    /** Sets who must have a second factor: the workspace Owner and Super Admins. */
    @PreAuthorize("isAuthenticated()")
    public void changePolicy(SecondFactorPolicy policy) {
        MemberGrant grant = access.requireMemberWho(WorkspaceRole::mayRequireSecondFactor, "The workspace");
        SignedInUser user = grant.user();
        transaction.executeWithoutResult(status -> {
            factors.setPolicy(user.workspaceId(), policy);
            publish(user, user.userId(), SignInSecurityAction.SECOND_FACTOR_POLICY_CHANGED, 0, policy.name());
        });
    }

    /**
     * Removes another member's second factors and recovery codes and ends their sessions, for a member who lost
     * their phone: admins who may manage that member; nobody resets their own.
     */
    @PreAuthorize("isAuthenticated()")
    public void resetFactorsOf(UUID userId) {
        ManagerGrant grant = access.requireManagerOf(userId);
        SignedInUser admin = grant.manager().user();
        transaction.executeWithoutResult(status -> {
            factors.deleteApp(admin.workspaceId(), userId);
            int codes = factors.deleteRecoveryCodes(admin.workspaceId(), userId);
            publish(admin, userId, SignInSecurityAction.SECOND_FACTORS_RESET, codes, "");
        });
        sessions.endAllOf(userId);
    }

    /** A wrong (or throttled) code at sign-in is a failed sign-in, audited like a wrong password. */
    private void signInCodeFailed(SignedInUser user, boolean throttled) {
        transaction.executeWithoutResult(status -> events.publishEvent(
                new LoginFailed(user.workspaceId(), user.userId(), SignInCompletion.clientAddress(), throttled)));
    }

    /**
     * After a factor was set up elsewhere (a passkey, through Spring's registration endpoints), completes a sign-in
     * that had to set one up, once the member has one.
     *
     * @return whether that completed the sign-in
     */
    @PreAuthorize("isAuthenticated()")
    public boolean completeSignInAfterNewFactor() {
        if (currentUser.stage().orElse(null) != SignInStage.ENROLMENT_REQUIRED || !check.hasSecondFactor(member())) {
            return false;
        }
        completeIfEnrolmentWasDue();
        return true;
    }

    /** After a factor is set up in a session that had to set one up, the session is signed in. */
    private void completeIfEnrolmentWasDue() {
        if (currentUser.stage().orElse(null) == SignInStage.ENROLMENT_REQUIRED) {
            completion.complete(currentUser.details().orElseThrow());
        }
    }

    /** The member of a session that is signed in or must set up a factor; never one whose code is still due. */
    private SignedInUser member() {
        SignInStage stage = currentUser.stage().orElse(null);
        if (stage != SignInStage.SIGNED_IN && stage != SignInStage.ENROLMENT_REQUIRED) {
            throw new AuthenticationCredentialsNotFoundException("Please sign in.");
        }
        SignedInUser user = currentUser.findSigningIn().orElseThrow();
        currentRole(user);
        return user;
    }

    private WorkspaceRole currentRole(SignedInUser user) {
        String role = db.select(WORKSPACE_MEMBER.ROLE)
                .from(WORKSPACE_MEMBER)
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(user.workspaceId()))
                .and(WORKSPACE_MEMBER.USER_ID.eq(user.userId()))
                .and(WORKSPACE_MEMBER.STATUS.eq("ACTIVE"))
                .fetchOne(WORKSPACE_MEMBER.ROLE);
        if (role == null) {
            throw new NotFoundException("The workspace");
        }
        return WorkspaceRole.valueOf(role);
    }

    private void publish(SignedInUser actor, UUID member, SignInSecurityAction action, int count, String detail) {
        events.publishEvent(
                new SignInSecurityChanged(actor.workspaceId(), actor.userId(), member, action, count, detail));
    }

    /** A wait in words: seconds under a minute, else about so many minutes. */
    public static String about(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return "about " + minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
