package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The step-up and the second factor at the services: a sign-in is no step-up, codes are accepted once, recovery
 * codes once, the policy and an admin's reset. Each test works in a fresh workspace of its own.
 */
@SpringBootTest
class SecondFactorServiceTest {

    private static final String CODES = "11111-22222\n33333-44444\n55555-66666\n";

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    @Autowired
    AuthenticationProvider passwords;

    @Autowired
    SecondFactorService factors;

    @Autowired
    IdentityConfirmation identity;

    @Autowired
    BackupCodeService codes;

    @Autowired
    CurrentUser currentUser;

    @AfterEach
    void signOut() {
        signIn.out();
        clock.reset();
    }

    @Test
    void revealAndUse_rightAfterPasswordSignIn_areRefusedUntilAStepUp() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember owner = workspace.member(WorkspaceRole.USER);
        UUID account = accountWithCodes(workspace, owner);

        signInWithPassword(owner);

        assertThatThrownBy(() -> codes.revealCodes(account)).isInstanceOf(IdentityConfirmationRequiredException.class);
        assertThatThrownBy(() -> codes.useNextCode(account)).isInstanceOf(IdentityConfirmationRequiredException.class);
        assertThat(identity.confirm(RoleFixtures.PASSWORD, null).confirmed()).isTrue();
        assertThat(codes.revealCodes(account).codes()).hasSize(3);
        assertThat(codes.useNextCode(account).remaining()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(6));
        assertThatThrownBy(() -> codes.revealCodes(account)).isInstanceOf(IdentityConfirmationRequiredException.class);
    }

    @Test
    void replaceAndDelete_destroyTheCodesInUse_soTheyToo_needAFreshStepUp() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember owner = workspace.member(WorkspaceRole.USER);
        UUID account = accountWithCodes(workspace, owner);

        signInWithPassword(owner);
        UUID setId = codes.overview(account).activeSet().orElseThrow().setId();

        assertThatThrownBy(() -> codes.replaceCodes(account, setId, "55555-66666\n77777-88888", Mismatch.ACCEPTED))
                .isInstanceOf(IdentityConfirmationRequiredException.class);
        assertThatThrownBy(() -> codes.deleteCodes(account, setId))
                .isInstanceOf(IdentityConfirmationRequiredException.class);
        assertThat(codes.overview(account).activeSet())
                .get()
                .extracting(set -> set.setId())
                .isEqualTo(setId);
        assertThat(identity.confirm(RoleFixtures.PASSWORD, null).confirmed()).isTrue();
        codes.deleteCodes(account, setId);
        assertThat(codes.overview(account).activeSet()).isEmpty();
    }

    @Test
    void withAuthenticatorApp_passwordSignInIsPending_untilTheCode_andAPendingSessionOpensNothing() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        UUID account = accountWithCodes(workspace, member);
        String secret = enrolAuthenticator(member);
        signIn.out();

        signInWithPassword(member);

        assertThat(currentUser.stage()).contains(SignInStage.CODE_PENDING);
        assertThat(currentUser.find()).isEmpty();
        assertThatThrownBy(() -> codes.overview(account))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(factors::overview).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(factors.finishSignIn("000000").outcome()).isEqualTo(Confirmation.Outcome.WRONG);
        assertThat(currentUser.find()).isEmpty();
        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("LOGIN_FAILED");

        clock.advance(Duration.ofSeconds(30));
        assertThat(factors.finishSignIn(codeNow(secret)).confirmed()).isTrue();

        assertThat(currentUser.stage()).contains(SignInStage.SIGNED_IN);
        assertThat(codes.overview(account).activeSet()).isPresent();
        // The second step of the sign-in is no step-up either.
        assertThatThrownBy(() -> codes.revealCodes(account)).isInstanceOf(IdentityConfirmationRequiredException.class);
    }

    @Test
    void confirm_withAuthenticatorApp_needsPasswordAndCode_andACodeIsAcceptedOnce() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        String secret = enrolAuthenticator(member);
        clock.advance(Duration.ofSeconds(30));
        String code = codeNow(secret);

        assertThat(identity.choices()).isEqualTo(new ConfirmationChoices(false, true, false));
        assertThat(identity.confirm(RoleFixtures.PASSWORD, null).outcome()).isEqualTo(Confirmation.Outcome.WRONG);
        assertThat(identity.confirm("wrong password", code).outcome()).isEqualTo(Confirmation.Outcome.WRONG);
        assertThat(identity.confirm(RoleFixtures.PASSWORD, code).confirmed()).isTrue();

        assertThat(identity.confirm(RoleFixtures.PASSWORD, code).outcome())
                .as("the same code again, within its window")
                .isEqualTo(Confirmation.Outcome.WRONG);
        clock.advance(Duration.ofSeconds(30));
        assertThat(identity.confirm(RoleFixtures.PASSWORD, codeNow(secret)).confirmed())
                .isTrue();
    }

    @Test
    void recoveryCodes_areTenAndEachWorksOnce_forTheStepUpAndTheSignIn() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        List<String> recovery = enrolAuthenticatorReturningRecoveryCodes(member).recoveryCodes();

        assertThat(recovery)
                .hasSize(10)
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        assertThat(identity.confirm(RoleFixtures.PASSWORD, recovery.get(0)).confirmed())
                .isTrue();
        assertThat(identity.confirm(RoleFixtures.PASSWORD, recovery.get(0)).outcome())
                .isEqualTo(Confirmation.Outcome.WRONG);
        assertThat(factors.overview().recoveryCodesLeft()).isEqualTo(9);
        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("IDENTITY_CONFIRMATION_FAILED");

        signIn.out();
        signInWithPassword(member);
        assertThat(factors.finishSignIn(recovery.get(1).toUpperCase().replace("-", " "))
                        .confirmed())
                .isTrue();
        signIn.out();
        signInWithPassword(member);
        assertThat(factors.finishSignIn(recovery.get(1)).outcome()).isEqualTo(Confirmation.Outcome.WRONG);
    }

    @Test
    void enrolment_needsOneRightCode_andTheSecretIsStoredEncrypted() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        signIn.asConfirmed(member.email());
        AuthenticatorSetup setup = factors.startAuthenticatorSetup();

        assertThatThrownBy(() -> factors.finishAuthenticatorSetup("123456")).isInstanceOf(SecondFactorException.class);
        assertThat(factors.overview().authenticatorApp()).isFalse();
        assertThat(fixtures.snapshot(workspace.id())).doesNotContain(setup.secret());
        assertThat(setup.otpauthUri())
                .startsWith("otpauth://totp/Breakglass%3A")
                .contains("secret=" + setup.secret())
                .contains("issuer=Breakglass");

        assertThat(factors.finishAuthenticatorSetup(codeNow(setup.secret()))).hasSize(10);
        assertThat(factors.overview().authenticatorApp()).isTrue();
        assertThat(fixtures.auditDetails(workspace.id(), "SECOND_FACTOR_ENROLLED"))
                .contains(member.userId().toString());
    }

    @Test
    void policyEveryone_sendsAMemberWithoutFactorToSetUp_andConfirmingWithThePasswordAloneIsRefused() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        signIn.asConfirmed(workspace.member(WorkspaceRole.OWNER).email());
        factors.changePolicy(SecondFactorPolicy.EVERYONE);
        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("SECOND_FACTOR_POLICY_CHANGED");
        signIn.asConfirmed(member.email()); // signed in before the policy changed

        assertThat(identity.choices().none()).isTrue();
        assertThat(identity.confirm(RoleFixtures.PASSWORD, null).outcome())
                .isEqualTo(Confirmation.Outcome.FACTOR_REQUIRED);

        signIn.out();
        signInWithPassword(member);
        assertThat(currentUser.stage()).contains(SignInStage.ENROLMENT_REQUIRED);
        assertThat(currentUser.find()).isEmpty();
        AuthenticatorSetup setup = factors.startAuthenticatorSetup();
        factors.finishAuthenticatorSetup(codeNow(setup.secret()));
        assertThat(currentUser.stage()).contains(SignInStage.SIGNED_IN);
    }

    @Test
    void policyCodeKeepers_asksOnlyOwnersOfAccountsWithSavedCodes() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember keeper = workspace.member(WorkspaceRole.USER);
        TestMember other = workspace.member(WorkspaceRole.ADMIN);
        accountWithCodes(workspace, keeper);
        signIn.asConfirmed(workspace.member(WorkspaceRole.SUPER_ADMIN).email());
        factors.changePolicy(SecondFactorPolicy.CODE_KEEPERS);
        signIn.out();

        signInWithPassword(keeper);
        assertThat(currentUser.stage()).contains(SignInStage.ENROLMENT_REQUIRED);
        signIn.out();
        signInWithPassword(other);
        assertThat(currentUser.stage()).contains(SignInStage.SIGNED_IN);
    }

    @Test
    void changePolicy_byAnAdmin_isDenied() {
        TestWorkspace workspace = fixtures.newWorkspace();
        signIn.asConfirmed(workspace.member(WorkspaceRole.ADMIN).email());

        assertThatThrownBy(() -> factors.changePolicy(SecondFactorPolicy.EVERYONE))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void fiveFailedConfirmationsInARow_endTheSession_andAreAudited() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        signInWithPassword(member);

        for (int i = 1; i < 5; i++) {
            assertThat(identity.confirm("not it " + i, null).outcome()).isEqualTo(Confirmation.Outcome.WRONG);
        }
        assertThat(identity.confirm("not it 5", null).outcome()).isEqualTo(Confirmation.Outcome.SESSION_ENDED);

        assertThat(currentUser.find()).isEmpty();
        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("SESSION_ENDED_AFTER_FAILED_CONFIRMATIONS");
        assertThat(fixtures.auditDetails(workspace.id(), "IDENTITY_CONFIRMATION_FAILED"))
                .contains("\"count\": 5")
                .doesNotContain("not it");
    }

    @Test
    void resetByAdmin_removesTheFactor_notifiesTheMember_butNobodyResetsTheirOwn() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        TestMember admin = workspace.member(WorkspaceRole.ADMIN);
        enrolAuthenticator(member);
        signIn.asConfirmed(admin.email());

        factors.resetFactorsOf(member.userId());
        assertThatThrownBy(() -> factors.resetFactorsOf(admin.userId())).isInstanceOf(NotFoundException.class);

        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("SECOND_FACTORS_RESET");
        assertThat(fixtures.snapshot(workspace.id())).contains("notifications: 1");
        signIn.out();
        signInWithPassword(member);
        assertThat(currentUser.stage()).contains(SignInStage.SIGNED_IN);
    }

    private record Enrolled(String secret, List<String> recoveryCodes) {}

    /** Sets up an authenticator app for the member (signed in as them); returns the secret. */
    private String enrolAuthenticator(TestMember member) {
        return enrolAuthenticatorReturningRecoveryCodes(member).secret();
    }

    private Enrolled enrolAuthenticatorReturningRecoveryCodes(TestMember member) {
        signIn.asConfirmed(member.email());
        AuthenticatorSetup setup = factors.startAuthenticatorSetup();
        List<String> recovery = factors.finishAuthenticatorSetup(codeNow(setup.secret()));
        return new Enrolled(setup.secret(), recovery);
    }

    private String codeNow(String secret) {
        return new AuthenticatorCodes().codeAt(Base32.decode(secret), clock.instant());
    }

    private UUID accountWithCodes(TestWorkspace workspace, TestMember owner) {
        UUID account = workspace.addAccount("Shared " + UUID.randomUUID(), Map.of(owner.userId(), AccountRole.OWNER));
        signIn.asConfirmed(owner.email());
        codes.saveCodes(account, CODES, Mismatch.ACCEPTED);
        signIn.out();
        return account;
    }

    /** A real password sign-in through the app's authentication provider, as the login form does it. */
    private void signInWithPassword(TestMember member) {
        Authentication result = passwords.authenticate(
                SignIn.attempt(member.email(), RoleFixtures.PASSWORD, "198.51.100." + (member.hashCode() & 0x7f)));
        SecurityContextHolder.getContext().setAuthentication(result);
    }
}
