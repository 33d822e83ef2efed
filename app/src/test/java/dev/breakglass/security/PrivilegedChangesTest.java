package dev.breakglass.security;

import static dev.breakglass.db.Tables.NOTIFICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.account.AccountService;
import dev.breakglass.account.AllAccountsService;
import dev.breakglass.audit.AuditLog;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.password.PasswordService;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.testing.TestClock;
import dev.breakglass.workspace.MemberService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Privileged roles cannot reach codes unseen (issue #12, item 2) and privileged changes need a fresh step-up (item 9):
 * a reassignment tells every former and current Owner and leaves the former ones their Activity; an admin's link that
 * replaces a password tells the member and their co-Owners and holds the member's reveals until a second factor they
 * had before confirms it is them, or the hold has passed.
 */
@SpringBootTest
class PrivilegedChangesTest {

    private static final String CODES = "11111-22222\n33333-44444\n55555-66666\n";

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    TestClock clock;

    @Autowired
    AllAccountsService allAccounts;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MemberService members;

    @Autowired
    PasswordService passwords;

    @Autowired
    BackupCodeService codes;

    @Autowired
    IdentityConfirmation identity;

    @Autowired
    SecondFactorService factors;

    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        signIn.out();
        clock.reset();
    }

    @Test
    void reassignOwners_needsAFreshStepUp_andNothingChangesWithoutIt() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember formerOwner = workspace.member(WorkspaceRole.USER);
        UUID account = workspace.addAccount("Payroll", Map.of(formerOwner.userId(), AccountRole.OWNER));
        TestMember workspaceOwner = workspace.member(WorkspaceRole.OWNER);

        signIn.as(workspaceOwner.email());

        assertThatThrownBy(() -> allAccounts.reassignOwners(account, Set.of(workspaceOwner.userId())))
                .isInstanceOf(IdentityConfirmationRequiredException.class);
        signIn.asConfirmed(workspaceOwner.email());
        assertThat(allAccounts.owners(account)).extracting(p -> p.userId()).containsExactly(formerOwner.userId());
    }

    @Test
    void reassignOwners_tellsEveryFormerAndCurrentOwner_andFormerOwnersKeepTheActivity() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember formerOwner = workspace.member(WorkspaceRole.USER);
        TestMember newOwner = workspace.addMember("newowner", WorkspaceRole.USER);
        TestMember collaborator = workspace.addMember("collaborator", WorkspaceRole.USER);
        TestMember workspaceOwner = workspace.member(WorkspaceRole.OWNER);
        UUID account = workspace.addAccount(
                "Payroll",
                Map.of(formerOwner.userId(), AccountRole.OWNER, collaborator.userId(), AccountRole.COLLABORATOR));

        signIn.asConfirmed(workspaceOwner.email());
        allAccounts.reassignOwners(account, Set.of(workspaceOwner.userId(), newOwner.userId()));

        assertThat(noticesOf(formerOwner, "OWNERS_REASSIGNED"))
                .singleElement()
                .asString()
                .contains("reassigned the Owners of Payroll")
                .contains("Owners now:")
                .contains("before:");
        assertThat(noticesOf(newOwner, "OWNERS_REASSIGNED")).hasSize(1);
        assertThat(noticesOf(workspaceOwner, "OWNERS_REASSIGNED"))
                .as("the one who acted")
                .isEmpty();
        assertThat(noticesOf(collaborator, "OWNERS_REASSIGNED"))
                .as("never an Owner")
                .isEmpty();

        signIn.as(formerOwner.email());
        assertThat(accounts.details(account).myRole()).isEqualTo(AccountRole.COLLABORATOR);
        assertThat(accounts.details(account).mayReadActivity()).isTrue();
        assertThat(auditLog.accountActivity(account, 0, 50))
                .extracting(entry -> entry.action())
                .contains("OWNERS_REASSIGNED");

        signIn.as(collaborator.email());
        assertThat(accounts.details(account).mayReadActivity()).isFalse();
        assertThatThrownBy(() -> auditLog.accountActivity(account, 0, 50)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void roleChange_ownershipTransfer_andAPasswordReplacingLink_needAFreshStepUp() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember admin = workspace.member(WorkspaceRole.ADMIN);
        TestMember user = workspace.member(WorkspaceRole.USER);
        TestMember owner = workspace.member(WorkspaceRole.OWNER);

        signIn.as(admin.email());
        assertThatThrownBy(() -> members.changeRole(user.userId(), WorkspaceRole.GUEST))
                .isInstanceOf(IdentityConfirmationRequiredException.class);
        assertThatThrownBy(() -> members.newSetPasswordLink(user.userId()))
                .isInstanceOf(IdentityConfirmationRequiredException.class);
        UUID newcomer = members.add("newcomer-" + UUID.randomUUID() + "@example.com", "Newcomer", WorkspaceRole.USER)
                .member()
                .userId();
        assertThatCode(() -> members.newSetPasswordLink(newcomer))
                .as("a member without a password yet: the link replaces nothing")
                .doesNotThrowAnyException();
        signIn.as(owner.email());
        assertThatThrownBy(() -> members.transferOwnership(admin.userId()))
                .isInstanceOf(IdentityConfirmationRequiredException.class);

        signIn.asConfirmed(admin.email());
        members.changeRole(user.userId(), WorkspaceRole.GUEST);
        assertThat(members.newSetPasswordLink(user.userId()).path()).startsWith("set-password/");
    }

    @Test
    void aPasswordResetThroughAnAdminsLink_holdsTheMembersReveals_andTellsThemAndTheirCoOwners() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember victim = workspace.member(WorkspaceRole.USER);
        TestMember coOwner = workspace.addMember("coowner", WorkspaceRole.USER);
        TestMember admin = workspace.member(WorkspaceRole.ADMIN);
        UUID account = workspace.addAccount(
                "Treasury", Map.of(victim.userId(), AccountRole.OWNER, coOwner.userId(), AccountRole.OWNER));
        saveCodes(account, victim);

        signIn.asConfirmed(admin.email());
        String token = members.newSetPasswordLink(victim.userId()).token();
        assertThat(noticesOf(victim, "SET_PASSWORD_LINK_ISSUED"))
                .singleElement()
                .asString()
                .contains("whoever uses the link can sign in as you");
        signIn.out();
        passwords.setPasswordWithLink(token, "the admin chose this one");

        assertThat(noticesOf(victim, "PASSWORD_RESET"))
                .singleElement()
                .asString()
                .contains("24 hours");
        assertThat(noticesOf(coOwner, "PASSWORD_RESET"))
                .singleElement()
                .asString()
                .contains("reset the password of")
                .contains("cannot view or use codes");
        assertThat(noticesOf(admin, "PASSWORD_RESET")).isEmpty();
        signIn.asConfirmed(admin.email());
        factors.resetFactorsOf(victim.userId());
        assertThat(noticesOf(coOwner, "SECOND_FACTORS_RESET"))
                .singleElement()
                .asString()
                .contains("reset the second factor of");
        signIn.out();
        assertThat(fixtures.auditDetails(workspace.id(), "PASSWORD_SET_BY_LINK"))
                .contains("revealsHeld");

        signIn.asConfirmed(victim.email());
        assertThatThrownBy(() -> codes.revealCodes(account))
                .isInstanceOf(RevealHeldException.class)
                .hasMessageContaining("codes stay hidden until");
        assertThatThrownBy(() -> codes.useNextCode(account)).isInstanceOf(RevealHeldException.class);
        signIn.asConfirmed(coOwner.email());
        assertThat(codes.revealCodes(account).codes())
                .as("the co-Owner is not held")
                .hasSize(3);

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        signIn.asConfirmed(victim.email());
        assertThat(codes.revealCodes(account).codes())
                .as("once the hold has passed")
                .hasSize(3);
    }

    @Test
    void theHoldEnds_whenTheMemberConfirmsWithAnAuthenticatorAppTheyHadBefore_butNotWithOneAddedAfter() {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember member = workspace.member(WorkspaceRole.USER);
        TestMember admin = workspace.member(WorkspaceRole.ADMIN);
        UUID account = workspace.addAccount("Vault", Map.of(member.userId(), AccountRole.OWNER));
        saveCodes(account, member);
        signIn.asConfirmed(member.email());
        AuthenticatorSetup setup = factors.startAuthenticatorSetup();
        factors.finishAuthenticatorSetup(codeNow(setup.secret()));
        clock.advance(Duration.ofMinutes(1));

        resetPassword(admin, member);

        signIn.as(member.email());
        clock.advance(Duration.ofSeconds(30));
        assertThat(identity.confirm("the admin chose this one", codeNow(setup.secret()))
                        .confirmed())
                .isTrue();
        assertThat(codes.revealCodes(account).codes()).hasSize(3);

        // A second reset, and this time the authenticator app is set up again after it: that one does not count.
        clock.advance(Duration.ofMinutes(1));
        resetPassword(admin, member);
        signIn.asConfirmed(admin.email());
        factors.resetFactorsOf(member.userId());
        clock.advance(Duration.ofMinutes(1));
        signIn.asConfirmed(member.email());
        AuthenticatorSetup again = factors.startAuthenticatorSetup();
        factors.finishAuthenticatorSetup(codeNow(again.secret()));
        signIn.as(member.email());
        clock.advance(Duration.ofSeconds(30));
        assertThat(identity.confirm("the admin chose this one", codeNow(again.secret()))
                        .confirmed())
                .isTrue();
        assertThatThrownBy(() -> codes.revealCodes(account)).isInstanceOf(RevealHeldException.class);
    }

    private void resetPassword(TestMember admin, TestMember member) {
        signIn.asConfirmed(admin.email());
        String token = members.newSetPasswordLink(member.userId()).token();
        signIn.out();
        passwords.setPasswordWithLink(token, "the admin chose this one");
    }

    private void saveCodes(UUID account, TestMember owner) {
        signIn.asConfirmed(owner.email());
        codes.saveCodes(account, CODES, Mismatch.ACCEPTED);
        signIn.out();
    }

    private String codeNow(String secret) {
        return new AuthenticatorCodes().codeAt(Base32.decode(secret), clock.instant());
    }

    private List<String> noticesOf(TestMember member, String kind) {
        return db.select(NOTIFICATION.MESSAGE)
                .from(NOTIFICATION)
                .where(NOTIFICATION.RECIPIENT_ID.eq(member.userId()))
                .and(NOTIFICATION.KIND.eq(kind))
                .fetch(NOTIFICATION.MESSAGE);
    }
}
