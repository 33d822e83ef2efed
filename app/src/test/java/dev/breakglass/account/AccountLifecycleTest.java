package dev.breakglass.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.notifications.Notice;
import dev.breakglass.notifications.NotificationCenter;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Adding, editing and removing accounts through the service: the rules, the audit trail, and who is refused. */
@SpringBootTest
class AccountLifecycleTest {

    private static final String CODES = "11111-22222\n33333-44444\n55555-66666\n";

    @Autowired
    AccountService accounts;

    @Autowired
    AllAccountsService allAccounts;

    @Autowired
    SharingService sharing;

    @Autowired
    BackupCodeService codes;

    @Autowired
    NotificationCenter notifications;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    Fixtures data;

    @Autowired
    SignIn signIn;

    TestWorkspace workspace;
    TestMember ann;
    TestMember ben;
    TestMember carl;

    @BeforeEach
    void workspaceWithPeople() {
        workspace = fixtures.newWorkspace();
        ann = workspace.addMember("ann", WorkspaceRole.USER);
        ben = workspace.addMember("ben", WorkspaceRole.USER);
        carl = workspace.addMember("carl", WorkspaceRole.USER);
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    static AccountForm form(String label) {
        return new AccountForm(
                "github",
                null,
                label,
                "ops@example.com",
                MfaState.ON,
                "https://github.com/login",
                "Shared by the ops team");
    }

    @Test
    void addAccount_byUser_makesThemOwner_andIsAudited() {
        signIn.asConfirmed(ann.email());

        UUID id = accounts.addAccount(form("  Ops GitHub  "));

        AccountDetails details = accounts.details(id);
        assertThat(details.label()).isEqualTo("Ops GitHub");
        assertThat(details.appName()).isEqualTo("GitHub");
        assertThat(details.myRole()).isEqualTo(AccountRole.OWNER);
        assertThat(details.mayEdit()).isTrue();
        assertThat(details.signInUrl()).isEqualTo("https://github.com/login");
        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("ACCOUNT_ADDED");
        assertThat(fixtures.auditDetails(workspace.id(), "ACCOUNT_ADDED"))
                .contains("Ops GitHub", ann.userId().toString())
                .doesNotContain("Shared by the ops team");
    }

    @Test
    void addAccount_forAnOtherApp_keepsTheTypedName() {
        signIn.asConfirmed(ann.email());

        UUID id = accounts.addAccount(
                new AccountForm(AppChoice.OTHER, "Payroll Co", "Payroll", null, MfaState.UNKNOWN, null, null));

        assertThat(accounts.details(id).appName()).isEqualTo("Payroll Co");
        assertThat(accounts.listCards(CardFilter.ALL, "payroll co", CardSort.LABEL, 0, 10))
                .extracting(AccountCard::label)
                .containsExactly("Payroll");
    }

    @Test
    void addAccount_withBadFields_namesEachProblem_andSavesNothing() {
        signIn.asConfirmed(ann.email());
        String before = fixtures.snapshot(workspace.id());

        InvalidAccountException refused = catchThrowableOfType(
                InvalidAccountException.class,
                () -> accounts.addAccount(new AccountForm(
                        null, null, "x".repeat(201), "l".repeat(321), MfaState.ON, "ftp://example.com", null)));

        assertThat(refused.problems())
                .containsOnlyKeys(AccountField.APP, AccountField.LABEL, AccountField.LOGIN_NAME, AccountField.URL);
        assertThat(refused.problems().get(AccountField.LABEL)).contains("200 characters");
        assertThat(refused.problems().get(AccountField.URL)).contains("https://");
        assertThat(catchThrowableOfType(InvalidAccountException.class, () -> accounts.addAccount(form(" ")))
                        .problems())
                .containsKey(AccountField.LABEL);
        assertThat(catchThrowableOfType(
                                InvalidAccountException.class,
                                () -> accounts.addAccount(
                                        new AccountForm(AppChoice.OTHER, " ", "Label", null, MfaState.ON, null, null)))
                        .problems())
                .containsOnlyKeys(AccountField.APP_NAME);
        assertThat(fixtures.snapshot(workspace.id())).isEqualTo(before);
    }

    @Test
    void addAccount_withTheLabelOfAnotherAccount_ignoringCase_isRefusedNamingIt() {
        signIn.asConfirmed(ann.email());
        accounts.addAccount(form("Ops GitHub"));
        signIn.asConfirmed(ben.email());

        InvalidAccountException refused =
                catchThrowableOfType(InvalidAccountException.class, () -> accounts.addAccount(form("ops github")));

        assertThat(refused.problems().get(AccountField.LABEL)).contains("\u201cOps GitHub\u201d");
    }

    @Test
    void addAccount_byGuestOrLoginOnly_isDenied_andAnonymous_isRefused() {
        for (WorkspaceRole role : new WorkspaceRole[] {WorkspaceRole.GUEST, WorkspaceRole.LOGIN_ONLY}) {
            signIn.asConfirmed(workspace.member(role).email());
            assertThat(accounts.mayAddAccounts()).isFalse();
            assertThatThrownBy(() -> accounts.addAccount(form("Sneaky " + role)))
                    .isInstanceOf(NotFoundException.class);
        }
        signIn.out();
        assertThatThrownBy(() -> accounts.addAccount(form("Anonymous")))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void editAccount_byOwner_savesEveryField_andAuditsWithoutTheNotes() {
        signIn.asConfirmed(ann.email());
        UUID id = accounts.addAccount(form("Ops GitHub"));
        codes.saveCodes(id, CODES, Mismatch.ACCEPTED);

        accounts.editAccount(
                id,
                0,
                new AccountForm(
                        AppChoice.OTHER,
                        "Forgejo",
                        "Ops Forge",
                        "forge-admin",
                        MfaState.OFF,
                        "https://forge.example.com",
                        "Secret-looking note text"));

        AccountDetails details = accounts.details(id);
        assertThat(details)
                .extracting(
                        AccountDetails::label,
                        AccountDetails::appName,
                        AccountDetails::loginName,
                        AccountDetails::mfaState,
                        AccountDetails::signInUrl,
                        AccountDetails::notes,
                        AccountDetails::version)
                .containsExactly(
                        "Ops Forge",
                        "Forgejo",
                        "forge-admin",
                        MfaState.OFF,
                        "https://forge.example.com",
                        "Secret-looking note text",
                        1);
        assertThat(codes.overview(id).activeSet())
                .hasValueSatisfying(set -> assertThat(set.formatId()).isEqualTo("github"));
        String audit = fixtures.auditDetails(workspace.id(), "ACCOUNT_EDITED");
        assertThat(audit)
                .contains("Ops Forge", "Forgejo", "\"notes\": \"changed\"")
                .doesNotContain("Secret-looking");
    }

    @Test
    void editAccount_afterSomeoneElseSaved_namesThem_andSavesNothing() {
        TestWorkspace ws = workspace;
        UUID id = ws.addAccount("Registrar", Map.of(ann.userId(), AccountRole.OWNER, ben.userId(), AccountRole.OWNER));
        signIn.asConfirmed(ben.email());
        accounts.editAccount(id, 0, form("Registrar"));

        signIn.asConfirmed(ann.email());
        AccountChangedException changed = catchThrowableOfType(
                AccountChangedException.class, () -> accounts.editAccount(id, 0, form("Ann's registrar")));

        assertThat(changed).hasMessageStartingWith("ben person changed this account");
        assertThat(accounts.details(id).label()).isEqualTo("Registrar");
        accounts.editAccount(id, changed.currentVersion(), form("Ann's registrar"));
        assertThat(accounts.details(id).label()).isEqualTo("Ann's registrar");
    }

    @Test
    void editAndRemove_byCollaboratorGuestOwnerOrAnotherWorkspace_areDenied() {
        TestMember guest = workspace.member(WorkspaceRole.GUEST);
        UUID id = workspace.addAccount(
                "Guarded",
                Map.of(
                        ann.userId(),
                        AccountRole.OWNER,
                        ben.userId(),
                        AccountRole.COLLABORATOR,
                        guest.userId(),
                        AccountRole.OWNER));
        TestWorkspace other = fixtures.newWorkspace();
        String before = fixtures.snapshot(workspace.id());

        for (String email : new String[] {
            ben.email(),
            guest.email(),
            workspace.member(WorkspaceRole.LOGIN_ONLY).email(),
            carl.email(),
            other.member(WorkspaceRole.OWNER).email()
        }) {
            signIn.asConfirmed(email);
            assertThatThrownBy(() -> accounts.editAccount(id, 0, form("Taken over")))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> accounts.removeAccount(id, "Guarded")).isInstanceOf(NotFoundException.class);
        }
        signIn.out();
        assertThatThrownBy(() -> accounts.editAccount(id, 0, form("Taken over")))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> accounts.removeAccount(id, "Guarded"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(fixtures.snapshot(workspace.id())).isEqualTo(before);
    }

    @Test
    void removeAccount_byOwner_destroysCodes_hidesItEverywhere_andTellsTheOtherOwners() {
        UUID id = workspace.addAccount(
                "Doomed",
                Map.of(
                        ann.userId(),
                        AccountRole.OWNER,
                        ben.userId(),
                        AccountRole.OWNER,
                        carl.userId(),
                        AccountRole.COLLABORATOR));
        signIn.asConfirmed(ann.email());
        codes.saveCodes(id, CODES, Mismatch.ACCEPTED);

        assertThatThrownBy(() -> accounts.removeAccount(id, "doomed"))
                .isInstanceOf(AccountRefusedException.class)
                .hasMessageContaining("\u201cDoomed\u201d");
        accounts.removeAccount(id, "Doomed");

        assertThat(data.storedCiphertexts(id)).isZero();
        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("ACCOUNT_REMOVED");
        for (TestMember member : new TestMember[] {ann, carl}) {
            signIn.asConfirmed(member.email());
            assertThat(accounts.listCards(CardFilter.ALL, 0, 10)).isEmpty();
            assertThat(accounts.overview().total()).isZero();
            assertThatThrownBy(() -> accounts.details(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> sharing.people(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> codes.overview(id)).isInstanceOf(NotFoundException.class);
        }
        signIn.asConfirmed(ben.email());
        assertThat(notifications.recent())
                .extracting(Notice::message)
                .contains("ann person removed the account Doomed; its backup codes are destroyed.");
        signIn.asConfirmed(workspace.member(WorkspaceRole.OWNER).email());
        assertThat(allAccounts.list(false, "", 0, 10)).isEmpty();
        // The label is free again.
        signIn.asConfirmed(ann.email());
        assertThat(accounts.addAccount(form("Doomed"))).isNotEqualTo(id);
    }

    @Test
    void removeAccount_byWorkspaceOwnerOrSuperAdminWithoutAccess_isAllowed_butNotByAnAdmin() {
        UUID first = workspace.addAccount("First", Map.of(ann.userId(), AccountRole.OWNER));
        UUID second = workspace.addAccount("Second", Map.of(ann.userId(), AccountRole.OWNER));
        signIn.asConfirmed(workspace.member(WorkspaceRole.ADMIN).email());
        assertThatThrownBy(() -> accounts.removeAccount(first, "First")).isInstanceOf(NotFoundException.class);

        signIn.asConfirmed(workspace.member(WorkspaceRole.OWNER).email());
        accounts.removeAccount(first, "First");
        signIn.asConfirmed(workspace.member(WorkspaceRole.SUPER_ADMIN).email());
        accounts.removeAccount(second, "Second");
        assertThat(allAccounts.list(false, "", 0, 10)).isEmpty();
        assertThatThrownBy(() -> accounts.removeAccount(second, "Second")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void search_matchesLabelAppAndLoginName_anyCase_withinTheFilter_andOnlyWhatIsShared() {
        signIn.asConfirmed(ann.email());
        accounts.addAccount(new AccountForm("github", null, "Build bot", "robot@example.com", MfaState.ON, null, null));
        accounts.addAccount(new AccountForm("slack", null, "Chat", "admin@example.com", MfaState.OFF, null, null));
        UUID withCodes =
                accounts.addAccount(new AccountForm("google", null, "Mail", "it@example.com", MfaState.ON, null, null));
        codes.saveCodes(withCodes, CODES, Mismatch.ACCEPTED);
        codes.useNextCode(withCodes);
        signIn.asConfirmed(ben.email());
        accounts.addAccount(new AccountForm("github", null, "Ben's bot", null, MfaState.ON, null, null));
        signIn.asConfirmed(ann.email());

        assertThat(labels("BOT", CardFilter.ALL, CardSort.LABEL)).containsExactly("Build bot");
        assertThat(labels("slack", CardFilter.ALL, CardSort.LABEL)).containsExactly("Chat");
        assertThat(labels("IT@example", CardFilter.ALL, CardSort.LABEL)).containsExactly("Mail");
        assertThat(labels("example.com", CardFilter.MFA_ON_NO_CODES, CardSort.LABEL))
                .containsExactly("Build bot");
        assertThat(labels("", CardFilter.ALL, CardSort.FEWEST_CODES_LEFT)).containsExactly("Mail", "Build bot", "Chat");
        assertThat(labels("", CardFilter.ALL, CardSort.RECENTLY_CHANGED))
                .first()
                .isEqualTo("Mail");
        assertThat(accounts.listCards(CardFilter.ALL, "mail", CardSort.LABEL, 0, 10))
                .singleElement()
                .satisfies(card -> assertThat(card.codesRemaining()).isEqualTo(2));
        // The count on the card follows every mark, as the codes themselves do.
        UUID set = codes.overview(withCodes).activeSet().orElseThrow().setId();
        codes.markCode(withCodes, set, 1, false);
        codes.markCode(withCodes, set, 3, true);
        codes.markCode(withCodes, set, 3, true);
        assertThat(accounts.listCards(CardFilter.ALL, "mail", CardSort.LABEL, 0, 10)
                        .get(0)
                        .codesRemaining())
                .isEqualTo(codes.overview(withCodes).activeSet().orElseThrow().remaining())
                .isEqualTo(2);
        signIn.out();
        assertThatThrownBy(() -> labels("bot", CardFilter.ALL, CardSort.LABEL))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    private java.util.List<String> labels(String search, CardFilter filter, CardSort sort) {
        return accounts.listCards(filter, search, sort, 0, 50).stream()
                .map(AccountCard::label)
                .toList();
    }
}
