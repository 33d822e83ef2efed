package dev.breakglass.security;

import static dev.breakglass.db.Tables.AUDIT_EVENT;
import static dev.breakglass.db.Tables.USER_CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.testing.TestClock;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Passkeys against the real relying party and PostgreSQL: registering stores the passkey for the person (Spring's
 * JDBC tables), signing in with it yields the same member as the password does, and a fresh signature confirms
 * identity for the session without replacing its sign-in. Signatures come from {@link SoftwarePasskey}.
 */
@SpringBootTest
class PasskeysTest {

    private static final ObjectMapper JSON = SoftwarePasskey.JSON;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    @Autowired
    DSLContext db;

    @Autowired
    WebAuthnRelyingPartyOperations relyingParty;

    @Autowired
    PasskeySettings settings;

    @Autowired
    PasskeyService passkeys;

    @Autowired
    PasskeyRepository repository;

    @Autowired
    MemberDetailsService members;

    @Autowired
    IdentityConfirmation confirmation;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    SecondFactorService secondFactors;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    AuthenticationProvider passwords;

    @AfterEach
    void restore() {
        signIn.out();
        clock.reset();
    }

    @Test
    void register_storesThePasskeyForTheMember_andAuditsIt() {
        TestMember user = fixtures.newWorkspace().member(WorkspaceRole.USER);

        SoftwarePasskey key = register(user, "  Laptop  ");

        List<Passkey> own = passkeys.mine();
        assertThat(own).singleElement().satisfies(passkey -> {
            assertThat(passkey.id()).isEqualTo(key.credentialId());
            assertThat(passkey.name()).isEqualTo("Laptop");
            assertThat(passkey.created()).isNotNull();
            assertThat(passkey.lastUsed()).isNull();
        });
        assertThat(passkeys.hasPasskey(user.userId())).isTrue();
        assertThat(auditActions(user)).containsExactly("PASSKEY_ADDED");
    }

    @Test
    void signIn_withPasskey_yieldsTheSameMemberAsThePassword_andAuditsIt() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember admin = workspace.member(WorkspaceRole.ADMIN);
        SoftwarePasskey key = register(admin, "Phone");
        Authentication password = signIn.as(admin.email());
        signIn.out();

        Authentication passkey = provider().authenticate(signInAttempt(key, true));

        assertThat(passkey).isInstanceOf(PasskeyAuthentication.class);
        assertThat(passkey.isAuthenticated()).isTrue();
        assertThat(passkey.getPrincipal()).isEqualTo(password.getPrincipal());
        assertThat(((BreakglassUserDetails) passkey.getPrincipal()).signedInUser())
                .isEqualTo(((BreakglassUserDetails) password.getPrincipal()).signedInUser());
        assertThat(passkey.getAuthorities())
                .extracting(Object::toString)
                .containsExactlyInAnyOrderElementsOf(
                        password.getAuthorities().stream().map(Object::toString).toList());
        SecurityContextHolder.getContext().setAuthentication(passkey);
        assertThat(passkeys.mine())
                .singleElement()
                .satisfies(used -> assertThat(used.lastUsed()).isNotNull());
        assertThat(auditActions(admin)).containsExactly("PASSKEY_ADDED", "LOGIN_WITH_PASSKEY");
    }

    @Test
    void signIn_withoutUserVerification_isRefused() throws Exception {
        TestMember user = fixtures.newWorkspace().member(WorkspaceRole.USER);
        SoftwarePasskey key = register(user, "Key");
        signIn.out();

        assertThatThrownBy(() -> provider().authenticate(signInAttempt(key, false)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void signIn_ofDeactivatedMember_isRefused() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember user = workspace.member(WorkspaceRole.USER);
        SoftwarePasskey key = register(user, "Key");
        signIn.out();
        fixtures.deactivate(workspace.id(), user.userId());

        assertThatThrownBy(() -> provider().authenticate(signInAttempt(key, true)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(auditActions(user)).doesNotContain("LOGIN_WITH_PASSKEY");
    }

    @Test
    void signIn_withAnUnregisteredPasskey_isRefused() {
        TestMember user = fixtures.newWorkspace().member(WorkspaceRole.USER);
        SoftwarePasskey stranger = new SoftwarePasskey(origin(), settings.rpId());
        stranger.attestation("x", org.springframework.security.web.webauthn.api.Bytes.random());

        assertThatThrownBy(() -> provider().authenticate(signInAttempt(stranger, true)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(auditActions(user)).isEmpty();
    }

    /** The password alone never signs in a member who set up a passkey: the passkey is their second factor. */
    @Test
    void passwordSignIn_ofAMemberWithAPasskey_waitsForThePasskey_andOpensNothingUntilThen() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        SoftwarePasskey key = register(member, "Laptop");
        signIn.out();

        SecurityContextHolder.getContext()
                .setAuthentication(
                        passwords.authenticate(SignIn.attempt(member.email(), RoleFixtures.PASSWORD, "198.51.100.77")));

        assertThat(currentUser.stage()).contains(SignInStage.PASSKEY_PENDING);
        assertThat(currentUser.find())
                .as("no member yet: no page or service opens")
                .isEmpty();
        assertThatThrownBy(() -> secondFactors.finishSignIn("123456"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        PasskeyChallenge unverified = secondFactors.challengeToFinishSignIn().orElseThrow();
        assertThat(secondFactors
                        .finishSignInWithPasskey(unverified, key.assertion(challengeText(unverified), false))
                        .confirmed())
                .as("without user verification")
                .isFalse();
        assertThat(currentUser.stage()).contains(SignInStage.PASSKEY_PENDING);
        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("LOGIN_FAILED");

        PasskeyChallenge challenge = secondFactors.challengeToFinishSignIn().orElseThrow();
        assertThat(secondFactors
                        .finishSignInWithPasskey(challenge, key.assertion(challengeText(challenge), true))
                        .confirmed())
                .isTrue();

        assertThat(currentUser.stage()).contains(SignInStage.SIGNED_IN);
        assertThat(currentUser.require().userId()).isEqualTo(member.userId());
        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("LOGIN_WITH_PASSKEY");
    }

    private static String challengeText(PasskeyChallenge challenge) throws Exception {
        return JSON.readTree(challenge.json()).get("challenge").asText();
    }

    @Test
    void confirmIdentity_withOwnPasskey_confirmsTheSession_andKeepsItsSignIn() throws Exception {
        TestMember owner = fixtures.newWorkspace().member(WorkspaceRole.OWNER);
        SoftwarePasskey key = register(owner, "Laptop");
        Authentication session = signIn.as(owner.email());
        clock.advance(Duration.ofMinutes(6));
        assertThat(confirmation.isRecent()).isFalse();

        PasskeyChallenge challenge = passkeys.challengeToConfirmIdentity();
        String challengeText = JSON.readTree(challenge.json()).get("challenge").asText();
        assertThat(JSON.readTree(challenge.json()).get("userVerification").asText())
                .isEqualTo("required");

        assertThat(passkeys.confirmIdentity(challenge, key.assertion(challengeText, true))
                        .confirmed())
                .isTrue();
        assertThat(confirmation.isRecent()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(session);
    }

    @Test
    void confirmIdentity_answeredTwice_isRefusedTheSecondTime() throws Exception {
        TestMember owner = fixtures.newWorkspace().member(WorkspaceRole.OWNER);
        SoftwarePasskey key = register(owner, "Laptop");
        signIn.as(owner.email());
        PasskeyChallenge challenge = passkeys.challengeToConfirmIdentity();
        String challengeText = JSON.readTree(challenge.json()).get("challenge").asText();
        assertThat(passkeys.confirmIdentity(challenge, key.assertion(challengeText, true))
                        .confirmed())
                .isTrue();
        clock.advance(Duration.ofMinutes(6));

        assertThat(passkeys.confirmIdentity(challenge, key.assertion(challengeText, true))
                        .confirmed())
                .isFalse();
        assertThat(confirmation.isRecent()).isFalse();
    }

    @Test
    void confirmIdentity_withoutUserVerification_isRefused() throws Exception {
        TestMember owner = fixtures.newWorkspace().member(WorkspaceRole.OWNER);
        SoftwarePasskey key = register(owner, "Laptop");
        signIn.as(owner.email());
        clock.advance(Duration.ofMinutes(6));
        PasskeyChallenge challenge = passkeys.challengeToConfirmIdentity();
        String challengeText = JSON.readTree(challenge.json()).get("challenge").asText();

        assertThat(passkeys.confirmIdentity(challenge, key.assertion(challengeText, false))
                        .confirmed())
                .isFalse();
        assertThat(confirmation.isRecent()).isFalse();
    }

    @Test
    void confirmIdentity_withAnotherMembersPasskey_isRefused() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember owner = workspace.member(WorkspaceRole.OWNER);
        TestMember other = workspace.member(WorkspaceRole.USER);
        register(owner, "Laptop");
        SoftwarePasskey othersKey = register(other, "Theirs");
        signIn.as(owner.email());
        clock.advance(Duration.ofMinutes(6));
        PasskeyChallenge challenge = passkeys.challengeToConfirmIdentity();
        String challengeText = JSON.readTree(challenge.json()).get("challenge").asText();

        assertThat(passkeys.confirmIdentity(challenge, othersKey.assertion(challengeText, true))
                        .confirmed())
                .isFalse();
        assertThat(confirmation.isRecent()).isFalse();
    }

    @Test
    void failedPasskeyStepUps_countWithWrongPasswords_andFiveInARowEndTheSession() throws Exception {
        TestMember owner = fixtures.newWorkspace().member(WorkspaceRole.OWNER);
        SoftwarePasskey key = register(owner, "Laptop");
        signIn.as(owner.email());
        clock.advance(Duration.ofMinutes(6));

        for (int i = 1; i < 4; i++) {
            assertThat(passkeys.confirmIdentity(passkeys.challengeToConfirmIdentity(), "{\"not\": \"a passkey\"}")
                            .outcome())
                    .isEqualTo(Confirmation.Outcome.WRONG);
        }
        PasskeyChallenge unverified = passkeys.challengeToConfirmIdentity();
        String challengeText = JSON.readTree(unverified.json()).get("challenge").asText();
        assertThat(passkeys.confirmIdentity(unverified, key.assertion(challengeText, false))
                        .outcome())
                .isEqualTo(Confirmation.Outcome.WRONG);
        assertThat(passkeys.confirmIdentity(passkeys.challengeToConfirmIdentity(), "{}")
                        .outcome())
                .isEqualTo(Confirmation.Outcome.SESSION_ENDED);

        assertThat(confirmation.isRecent()).isFalse();
        assertThat(auditActions(owner))
                .containsSubsequence(
                        "IDENTITY_CONFIRMATION_FAILED",
                        "IDENTITY_CONFIRMATION_FAILED",
                        "IDENTITY_CONFIRMATION_FAILED",
                        "IDENTITY_CONFIRMATION_FAILED",
                        "IDENTITY_CONFIRMATION_FAILED",
                        "SESSION_ENDED_AFTER_FAILED_CONFIRMATIONS");
    }

    @Test
    void passkeyStepUp_afterTooManyFailures_isPaused_evenWithTheRightPasskey() throws Exception {
        TestMember owner = fixtures.newWorkspace().member(WorkspaceRole.OWNER);
        SoftwarePasskey key = register(owner, "Laptop");
        signIn.as(owner.email());
        for (int i = 0; i < 4; i++) {
            passkeys.confirmIdentity(passkeys.challengeToConfirmIdentity(), "{}");
        }
        // Another session of the same member: the throttle counts per member, the session's own count starts anew.
        signIn.as(owner.email());
        for (int i = 0; i < 2; i++) {
            passkeys.confirmIdentity(passkeys.challengeToConfirmIdentity(), "{}");
        }
        PasskeyChallenge challenge = passkeys.challengeToConfirmIdentity();
        String challengeText = JSON.readTree(challenge.json()).get("challenge").asText();

        Confirmation paused = passkeys.confirmIdentity(challenge, key.assertion(challengeText, true));
        assertThat(paused.outcome()).isEqualTo(Confirmation.Outcome.PAUSED);
        assertThat(paused.waitFor()).isPositive();
        assertThat(confirmation.isRecent()).isFalse();

        clock.advance(paused.waitFor().plusSeconds(1));
        PasskeyChallenge later = passkeys.challengeToConfirmIdentity();
        String laterText = JSON.readTree(later.json()).get("challenge").asText();
        assertThat(passkeys.confirmIdentity(later, key.assertion(laterText, true))
                        .confirmed())
                .isTrue();
    }

    @Test
    void rename_andRemove_changeOnlyTheMembersOwnPasskeys() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember user = workspace.member(WorkspaceRole.USER);
        TestMember other = workspace.member(WorkspaceRole.OWNER);
        SoftwarePasskey theirs = register(other, "Theirs");
        register(user, "Laptop");
        SoftwarePasskey phone = register(user, "Phone");

        assertThatThrownBy(() -> passkeys.rename(theirs.credentialId(), "Mine now"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("The passkey was not found.");
        assertThatThrownBy(() -> passkeys.remove(theirs.credentialId()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("The passkey was not found.");
        assertThatThrownBy(() -> passkeys.rename(phone.credentialId(), "laptop"))
                .isInstanceOf(PasskeyRefusedException.class)
                .hasMessage("You already have a passkey named \"laptop\". Choose another name.");
        assertThatThrownBy(() -> passkeys.rename(phone.credentialId(), "   "))
                .isInstanceOf(PasskeyRefusedException.class)
                .hasMessage("Give the passkey a name, such as the device or key it lives on.");

        passkeys.rename(phone.credentialId(), "Old phone");
        passkeys.remove(phone.credentialId());

        assertThat(passkeys.mine()).extracting(Passkey::name).containsExactly("Laptop");
        assertThat(db.fetchCount(USER_CREDENTIALS)).isGreaterThanOrEqualTo(2);
        assertThat(auditActions(user))
                .containsExactly("PASSKEY_ADDED", "PASSKEY_ADDED", "PASSKEY_RENAMED", "PASSKEY_REMOVED");
        signIn.as(other.email());
        assertThat(passkeys.mine()).extracting(Passkey::name).containsExactly("Theirs");
    }

    @Test
    void anAdminsResetOfTheSecondFactor_removesTheMembersPasskeys_andLastFactorRulesFollowThePolicy() {
        var workspace = fixtures.newWorkspace();
        TestMember user = workspace.member(WorkspaceRole.USER);
        TestMember admin = workspace.member(WorkspaceRole.ADMIN);
        register(user, "Lost phone");
        assertThat(passkeys.hasPasskey(user.userId())).isTrue();

        signIn.as(admin.email());
        secondFactors.resetFactorsOf(user.userId());

        assertThat(passkeys.hasPasskey(user.userId())).isFalse();
    }

    @Test
    void theLastPasskey_cannotBeRemoved_whileTheWorkspaceRequiresASecondFactor() {
        var workspace = fixtures.newWorkspace();
        TestMember owner = workspace.member(WorkspaceRole.OWNER);
        TestMember user = workspace.member(WorkspaceRole.USER);
        SoftwarePasskey laptop = register(user, "Laptop");
        assertThat(passkeys.mayRemove(laptop.credentialId()))
                .as("nothing required yet")
                .isTrue();

        signIn.as(owner.email());
        secondFactors.changePolicy(SecondFactorPolicy.EVERYONE);
        signIn.as(user.email());

        assertThat(passkeys.mayRemove(laptop.credentialId())).isFalse();
        assertThatThrownBy(() -> passkeys.remove(laptop.credentialId()))
                .isInstanceOf(PasskeyRefusedException.class)
                .hasMessageContaining("this passkey is your last one");
        SoftwarePasskey phone = register(user, "Phone");
        passkeys.remove(laptop.credentialId());
        assertThat(passkeys.mine()).extracting(Passkey::id).containsExactly(phone.credentialId());
    }

    @Test
    void anonymousCalls_areRefusedBeforeAnyWork() {
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThatThrownBy(() -> passkeys.mine()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> passkeys.remove("any")).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> passkeys.challengeToConfirmIdentity())
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    /** Registers a software passkey for the member, as Spring's registration endpoints do; leaves them signed in. */
    private SoftwarePasskey register(TestMember member, String name) {
        Authentication authentication = signIn.as(member.email());
        assertThat(relyingParty
                        .createPublicKeyCredentialCreationOptions(
                                new ImmutablePublicKeyCredentialCreationOptionsRequest(authentication))
                        .getAuthenticatorSelection()
                        .getUserVerification()
                        .getValue())
                .isEqualTo("required");
        return SoftwarePasskey.registerFor(relyingParty, settings, authentication, name);
    }

    /** What the sign-in filter hands the provider: the anonymous request options and the browser's answer. */
    private WebAuthnAuthenticationRequestToken signInAttempt(SoftwarePasskey key, boolean userVerified)
            throws Exception {
        PublicKeyCredentialRequestOptions options = relyingParty.createCredentialRequestOptions(
                new ImmutablePublicKeyCredentialRequestOptionsRequest(new AnonymousAuthenticationToken(
                        "anonymous", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))));
        PublicKeyCredential<AuthenticatorAssertionResponse> answer = JSON.readValue(
                key.assertion(options.getChallenge().toBase64UrlString(), userVerified), new TypeReference<>() {});
        return new WebAuthnAuthenticationRequestToken(new RelyingPartyAuthenticationRequest(options, answer));
    }

    private PasskeyAuthenticationProvider provider() {
        return new PasskeyAuthenticationProvider(relyingParty, repository, members, events);
    }

    private String origin() {
        return settings.allowedOrigins().iterator().next();
    }

    private List<String> auditActions(TestMember member) {
        return db.select(AUDIT_EVENT.ACTION)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTOR_ID.eq(member.userId()))
                .orderBy(AUDIT_EVENT.SEQ)
                .fetch(AUDIT_EVENT.ACTION);
    }
}
