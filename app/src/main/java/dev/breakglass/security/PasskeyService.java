package dev.breakglass.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.jackson.WebauthnJackson2Module;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's own passkeys: listing, naming, removing, and confirming identity with one. Registering and signing in
 * run through Spring Security's passkey endpoints (see {@link PasskeyConfiguration}); every method here acts only on
 * the signed-in member's own passkeys, whatever their role.
 */
@Service
public class PasskeyService implements PasskeyPresence {

    /** The longest name a passkey may have. */
    public static final int MAX_NAME_LENGTH = 60;

    private static final Logger log = LoggerFactory.getLogger(PasskeyService.class);

    private final AccessPolicy access;
    private final PasskeyRepository passkeys;
    private final WebAuthnRelyingPartyOperations relyingParty;
    private final IdentityConfirmation confirmation;
    private final RevealHold revealHold;
    // Through a provider: the second-factor check asks this service whether a member has a passkey.
    private final ObjectProvider<SecondFactorCheck> factors;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .modules(new WebauthnJackson2Module())
            .build();

    PasskeyService(
            AccessPolicy access,
            PasskeyRepository passkeys,
            WebAuthnRelyingPartyOperations relyingParty,
            IdentityConfirmation confirmation,
            ApplicationEventPublisher events,
            ObjectProvider<SecondFactorCheck> factors,
            RevealHold revealHold) {
        this.access = access;
        this.passkeys = passkeys;
        this.relyingParty = relyingParty;
        this.confirmation = confirmation;
        this.events = events;
        this.factors = factors;
        this.revealHold = revealHold;
    }

    /** The signed-in member's passkeys, oldest first. */
    @PreAuthorize("isAuthenticated()")
    public List<Passkey> mine() {
        return passkeys.findByUser(access.requireMemberSettingUpFactors().user().userId());
    }

    /** Whether the signed-in member has a passkey (to offer one for confirming identity). */
    @PreAuthorize("isAuthenticated()")
    public boolean hasPasskey() {
        return passkeys.exists(access.requireMemberSettingUpFactors().user().userId());
    }

    /**
     * Whether this member has registered a passkey. Answers for any member and reveals nothing but that; callers are
     * the sign-in and second-factor checks, which run for the member concerned.
     */
    @Override
    public boolean hasPasskey(UUID userId) {
        return passkeys.exists(userId);
    }

    /**
     * Checks the name the member chose for a new passkey, before the browser registers it.
     *
     * @return the name as it will be saved (trimmed)
     * @throws PasskeyRefusedException when it is empty, too long or already the name of another of their passkeys
     */
    @PreAuthorize("isAuthenticated()")
    public String checkNewName(String name) {
        return validName(access.requireMemberSettingUpFactors().user().userId(), name, null);
    }

    /**
     * Renames one of the signed-in member's passkeys.
     *
     * @throws PasskeyRefusedException when the name is not allowed; nothing changes
     * @throws NotFoundException when it is not one of their passkeys
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void rename(String credentialId, String name) {
        MemberGrant member = access.requireMemberSettingUpFactors();
        UUID userId = member.user().userId();
        Passkey passkey = passkeys.find(userId, credentialId).orElseThrow(() -> new NotFoundException("The passkey"));
        String chosen = validName(userId, name, credentialId);
        if (chosen.equals(passkey.name())) {
            return;
        }
        passkeys.rename(userId, credentialId, chosen);
        events.publishEvent(new PasskeyChanged(
                member.user().workspaceId(), userId, PasskeyChanged.Change.RENAMED, chosen, passkey.name()));
    }

    /** Whether the signed-in member may remove this passkey now (it is not the last factor their workspace requires). */
    @PreAuthorize("isAuthenticated()")
    public boolean mayRemove(String credentialId) {
        MemberGrant member = access.requireMemberSettingUpFactors();
        return !isLastRequiredFactor(member, credentialId);
    }

    /**
     * Removes one of the signed-in member's passkeys; it no longer signs in or confirms identity.
     *
     * @throws PasskeyRefusedException when it is the last second factor and the workspace requires one
     * @throws NotFoundException when it is not one of their passkeys
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void remove(String credentialId) {
        MemberGrant member = access.requireMemberSettingUpFactors();
        UUID userId = member.user().userId();
        Passkey passkey = passkeys.find(userId, credentialId).orElseThrow(() -> new NotFoundException("The passkey"));
        if (isLastRequiredFactor(member, credentialId)) {
            throw new PasskeyRefusedException("Your workspace requires a second factor and this passkey is your last"
                    + " one. Add another passkey or an authenticator app first, then remove this one.");
        }
        passkeys.delete(userId, credentialId);
        events.publishEvent(new PasskeyChanged(
                member.user().workspaceId(), userId, PasskeyChanged.Change.REMOVED, passkey.name(), null));
    }

    /** A fresh challenge for the signed-in member to confirm their identity with one of their passkeys. */
    @PreAuthorize("isAuthenticated()")
    public PasskeyChallenge challengeToConfirmIdentity() {
        return challengeFor(access.requireMember().user().userId());
    }

    /** A fresh challenge for this session's member, whose passkeys may answer it (also half-way through a sign-in). */
    PasskeyChallenge challengeFor(UUID userId) {
        PublicKeyCredentialRequestOptions options =
                relyingParty.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(
                        SecurityContextHolder.getContext().getAuthentication()));
        try {
            return new PasskeyChallenge(userId, options, json.writeValueAsString(options));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the passkey request options", e);
        }
    }

    /**
     * Checks the browser's answer to a challenge: a signature by one of the signed-in member's own passkeys, with user
     * verification. When it holds, the session's identity is confirmed anew; the session's sign-in stays as it was.
     *
     * <p>Each answer is reserved and counted like a password at the step-up: a wrong one counts toward the failures
     * that end the session, and too many in a short time pause the next tries.
     *
     * @param assertion the credential the browser's script returned, as JSON
     */
    @PreAuthorize("isAuthenticated()")
    public Confirmation confirmIdentity(PasskeyChallenge challenge, String assertion) {
        MemberGrant member = access.requireMember();
        UUID userId = member.user().userId();
        return confirmation.confirmWithPasskey(() -> signedByOwnPasskey(userId, challenge, assertion));
    }

    /** Whether the answer is a fresh, user-verified signature by one of this member's passkeys. */
    boolean signedByOwnPasskey(UUID userId, PasskeyChallenge challenge, String assertion) {
        if (challenge == null || !challenge.userId().equals(userId) || !challenge.answer() || assertion == null) {
            return false;
        }
        PublicKeyCredentialUserEntity signer;
        String credentialId;
        try {
            PublicKeyCredential<AuthenticatorAssertionResponse> credential =
                    json.readValue(assertion, new TypeReference<>() {});
            credentialId = credential.getId();
            signer = relyingParty.authenticate(new RelyingPartyAuthenticationRequest(challenge.options(), credential));
        } catch (JsonProcessingException | RuntimeException e) {
            log.info(
                    "A passkey did not confirm the identity of member {}: {}",
                    userId,
                    e.getClass().getSimpleName());
            return false;
        }
        if (signer == null
                || !passkeys.ownerOfUserEntity(signer.getId().toBase64UrlString())
                        .map(userId::equals)
                        .orElse(false)) {
            log.info("A passkey of someone else was offered to confirm the identity of member {}", userId);
            return false;
        }
        revealHold.confirmedWithPasskey(userId, credentialId);
        return true;
    }

    /** The name as it will be saved, or a refusal that says what to change. */
    String validName(UUID userId, String name, String exceptCredentialId) {
        String chosen = name == null ? "" : name.strip();
        if (chosen.isEmpty()) {
            throw new PasskeyRefusedException("Give the passkey a name, such as the device or key it lives on.");
        }
        if (chosen.length() > MAX_NAME_LENGTH) {
            throw new PasskeyRefusedException(
                    "A passkey name can have at most " + MAX_NAME_LENGTH + " characters. Choose a shorter one.");
        }
        if (passkeys.nameTaken(userId, chosen, exceptCredentialId)) {
            throw new PasskeyRefusedException(
                    "You already have a passkey named \"" + chosen + "\". Choose another name.");
        }
        return chosen;
    }

    /**
     * An admin's reset of a member's second factors removes their passkeys too, in the reset's transaction: the
     * phone or key holding them may be the one that was lost.
     */
    @EventListener
    void on(SignInSecurityChanged event) {
        if (event.action() == SignInSecurityAction.SECOND_FACTORS_RESET) {
            passkeys.deleteAll(event.memberId());
        }
    }

    /** Removing this passkey would leave the member without a second factor that their workspace requires. */
    private boolean isLastRequiredFactor(MemberGrant member, String credentialId) {
        if (!secondFactorRequired(member)) {
            return false;
        }
        List<Passkey> own = passkeys.findByUser(member.user().userId());
        return own.size() == 1 && own.get(0).id().equals(credentialId) && !hasOtherSecondFactor(member);
    }

    /** Whether the member's workspace requires a second factor of them (its second-factor policy). */
    boolean secondFactorRequired(MemberGrant member) {
        return factors.getObject().requiresSecondFactor(member.user());
    }

    /** Whether the member has a second factor other than passkeys: an authenticator app. */
    boolean hasOtherSecondFactor(MemberGrant member) {
        return factors.getObject().hasAuthenticatorApp(member.user());
    }
}
