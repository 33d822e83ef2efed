package dev.breakglass.security;

import dev.breakglass.crypto.CipherContext;
import dev.breakglass.crypto.CodeCipher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What a member's second factors are and whether a code is right: a code from the authenticator app (once per
 * time step: a used step is recorded, so a code is never accepted twice) or one of their Breakglass recovery codes
 * (each once). Every check is reserved with the {@link LoginThrottle} first, like a password.
 */
@Component
class SecondFactorCheck {

    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecondFactorRepository factors;
    private final CodeCipher cipher;
    private final PasswordEncoder hashes;
    private final LoginThrottle throttle;
    // Through a provider: the passkeys service confirms identity through IdentityConfirmation, which asks this class.
    private final ObjectProvider<PasskeyPresence> passkeys;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuthenticatorCodes codes = new AuthenticatorCodes();

    SecondFactorCheck(
            SecondFactorRepository factors,
            CodeCipher cipher,
            PasswordEncoder hashes,
            LoginThrottle throttle,
            ObjectProvider<PasskeyPresence> passkeys,
            ApplicationEventPublisher events,
            Clock clock) {
        this.factors = factors;
        this.cipher = cipher;
        this.hashes = hashes;
        this.throttle = throttle;
        this.passkeys = passkeys;
        this.events = events;
        this.clock = clock;
    }

    boolean hasAuthenticatorApp(SignedInUser user) {
        return factors.hasConfirmedApp(user.workspaceId(), user.userId());
    }

    boolean hasPasskey(SignedInUser user) {
        return passkeys.getObject().hasPasskey(user.userId());
    }

    boolean hasSecondFactor(SignedInUser user) {
        return hasAuthenticatorApp(user) || hasPasskey(user);
    }

    /** Whether the workspace's policy asks this member for a second factor. */
    boolean requiresSecondFactor(SignedInUser user) {
        return switch (factors.policy(user.workspaceId())) {
            case NOBODY -> false;
            case EVERYONE -> true;
            case CODE_KEEPERS -> factors.keepsCodes(user.workspaceId(), user.userId());
        };
    }

    /** Where a password sign-in leads: to the code, to setting up a factor, or straight in. */
    SignInStage stageAfterPassword(SignedInUser user) {
        if (hasAuthenticatorApp(user)) {
            return SignInStage.CODE_PENDING;
        }
        if (hasPasskey(user)) {
            // A member who set up a passkey has a second factor: the password alone never signs them in.
            return SignInStage.PASSKEY_PENDING;
        }
        return requiresSecondFactor(user) ? SignInStage.ENROLMENT_REQUIRED : SignInStage.SIGNED_IN;
    }

    ConfirmationChoices choices(SignedInUser user) {
        boolean app = hasAuthenticatorApp(user);
        boolean passkey = hasPasskey(user);
        boolean alone = !app && !passkey && !requiresSecondFactor(user);
        return new ConfirmationChoices(alone, app, passkey);
    }

    /** Reserves a try at a code or confirmation; zero when it may go ahead, else how long to wait. */
    Duration reserveAttempt(SignedInUser user) {
        return throttle.reserveFactorAttempt(user.userId(), clock.instant());
    }

    void attemptSucceeded(SignedInUser user) {
        throttle.recordFactorSuccess(user.userId());
    }

    /**
     * Whether the typed text is a current code of the member's authenticator app (accepted once) or one of their
     * unused recovery codes (used up by this check). Call {@link #reserveAttempt} first.
     */
    boolean acceptCode(SignedInUser user, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return false;
        }
        String compact = text.replaceAll("[\\s-]", "");
        if (compact.chars().allMatch(Character::isDigit)) {
            return acceptAppCode(user, compact);
        }
        return acceptRecoveryCode(user, compact.toLowerCase(Locale.ROOT));
    }

    private boolean acceptAppCode(SignedInUser user, String code) {
        var app =
                factors.findApp(user.workspaceId(), user.userId()).filter(SecondFactorRepository.StoredApp::confirmed);
        if (app.isEmpty()) {
            return false;
        }
        byte[] secret = secretOf(user, app.get().enrolmentId(), app.get().secretCiphertext());
        OptionalLong step =
                codes.matchingStep(secret, code, clock.instant(), app.get().lastUsedStep());
        // The update refuses a step already used, so two requests with the same code cannot both pass.
        return step.isPresent() && factors.useStep(user.workspaceId(), user.userId(), step.getAsLong());
    }

    private boolean acceptRecoveryCode(SignedInUser user, String code) {
        for (var stored : factors.unusedRecoveryCodes(user.workspaceId(), user.userId())) {
            if (hashes.matches(code, stored.hash()) && factors.useRecoveryCode(stored.id(), clock.instant())) {
                events.publishEvent(new SignInSecurityChanged(
                        user.workspaceId(),
                        user.userId(),
                        user.userId(),
                        SignInSecurityAction.RECOVERY_CODE_USED,
                        factors.countUnusedRecoveryCodes(user.workspaceId(), user.userId()),
                        ""));
                return true;
            }
        }
        return false;
    }

    /** Checks a code against a secret being set up (not yet stored as confirmed); the step it matched, if any. */
    OptionalLong matchingStep(byte[] secret, String typed) {
        return codes.matchingStep(secret, typed, clock.instant(), null);
    }

    byte[] secretOf(SignedInUser user, UUID enrolmentId, String ciphertext) {
        String secret = cipher.decryptAll(
                        CipherContext.forMemberFactor(user.userId(), enrolmentId), List.of(ciphertext))
                .get(0);
        return Base32.decode(secret);
    }

    String encryptSecret(SignedInUser user, UUID enrolmentId, String secret) {
        return cipher.encryptAll(CipherContext.forMemberFactor(user.userId(), enrolmentId), List.of(secret))
                .get(0);
    }

    /** Ten new recovery codes, as the member will see them ({@code abcde-fghjk}), and their hashes. */
    RecoveryCodeBatch newRecoveryCodes() {
        List<String> plain = new ArrayList<>();
        List<String> hashed = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            hashed.add(hashes.encode(code.toString()));
            plain.add(code.substring(0, 5) + "-" + code.substring(5));
        }
        return new RecoveryCodeBatch(plain, hashed);
    }

    Instant now() {
        return clock.instant();
    }

    record RecoveryCodeBatch(List<String> codes, List<String> hashes) {}
}
