package dev.breakglass.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.security.AccountRole;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Importing accounts from CSV: every row checked and explained, valid rows created together or not at all. */
@SpringBootTest
class AccountImportTest {

    @Autowired
    AccountImport importer;

    @Autowired
    AccountService accounts;

    @Autowired
    SharingService sharing;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    TestWorkspace workspace;
    TestMember ann;
    TestMember ben;
    TestMember admin;

    @BeforeEach
    void workspaceWithPeople() {
        workspace = fixtures.newWorkspace();
        ann = workspace.addMember("ann", WorkspaceRole.USER);
        ben = workspace.addMember("ben", WorkspaceRole.USER);
        admin = workspace.member(WorkspaceRole.ADMIN);
        workspace.addAccount("Existing", Map.of(ann.userId(), AccountRole.OWNER));
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    private byte[] file() {
        String guest = workspace.member(WorkspaceRole.GUEST).email();
        return String.join(
                        "\n",
                        "label,app,login name,MFA,owners,collaborators",
                        "Ops GitHub,github,ops,On," + ann.email() + "," + ben.email() + "; " + guest,
                        "Payroll,Payroll Co,pay@example.com,off,,",
                        "Chat,Slack,,Unknown," + ann.email().toUpperCase() + " " + ben.email() + ",",
                        ",GitHub,nobody,On,,",
                        "ops github,GitHub,dup,On,,",
                        "EXISTING,GitHub,,On,,",
                        "Maybe,GitHub,,sometimes,,",
                        "Guest owned,GitHub,,On," + guest + ",",
                        "Stranger,GitHub,,On,stranger@example.com,",
                        "No app,,,On,,")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void preview_explainsEveryRow_andSavesNothing() {
        signIn.as(admin.email());
        String before = fixtures.snapshot(workspace.id());

        ImportPreview preview = importer.preview(file());

        assertThat(preview.rows()).hasSize(10);
        assertThat(preview.toCreate()).isEqualTo(3);
        ImportRow payroll = preview.rows().get(1);
        assertThat(payroll.otherApp()).isTrue();
        assertThat(payroll.appName()).isEqualTo("Payroll Co");
        assertThat(payroll.mfaState()).isEqualTo(MfaState.OFF);
        assertThat(preview.rows().get(0).appName()).isEqualTo("GitHub");
        assertThat(preview.rows().get(0).collaborators()).hasSize(2);
        assertThat(preview.rows().get(2).owners()).containsExactly(ann.email(), ben.email());
        assertThat(preview.rows().subList(3, 10))
                .extracting(ImportRow::problem)
                .satisfiesExactly(
                        problem -> assertThat(problem).contains("label"),
                        problem -> assertThat(problem).contains("Line 2 already has the label"),
                        problem -> assertThat(problem).contains("already labelled \u201cEXISTING\u201d"),
                        problem -> assertThat(problem).contains("\u201csometimes\u201d is not an MFA value"),
                        problem -> assertThat(problem).contains("is a Guest and can only be a Collaborator"),
                        problem -> assertThat(problem)
                                .contains("No active member has the e-mail address stranger@example.com"),
                        problem -> assertThat(problem).contains("The app is missing"));
        assertThat(fixtures.snapshot(workspace.id())).isEqualTo(before);
    }

    @Test
    void importAccounts_createsTheValidRows_withTheirPeople_andAuditsEach() {
        signIn.as(admin.email());

        ImportPreview done = importer.importAccounts(file());

        assertThat(done.toCreate()).isEqualTo(3);
        signIn.as(ann.email());
        assertThat(accounts.listCards(CardFilter.ALL, 0, 10))
                .extracting(AccountCard::label)
                .containsExactly("Chat", "Existing", "Ops GitHub");
        AccountCard ops =
                accounts.listCards(CardFilter.ALL, "ops", CardSort.LABEL, 0, 10).get(0);
        assertThat(sharing.people(ops.id()).people())
                .extracting(AccountPerson::email, AccountPerson::role)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ann.email(), AccountRole.OWNER),
                        org.assertj.core.groups.Tuple.tuple(ben.email(), AccountRole.COLLABORATOR),
                        org.assertj.core.groups.Tuple.tuple(
                                workspace.member(WorkspaceRole.GUEST).email(), AccountRole.COLLABORATOR));
        signIn.as(admin.email());
        AccountCard payroll = accounts.listCards(CardFilter.ALL, "payroll", CardSort.LABEL, 0, 10)
                .get(0);
        assertThat(payroll.appName()).isEqualTo("Payroll Co");
        assertThat(accounts.details(payroll.id()).myRole()).isEqualTo(AccountRole.OWNER);
        assertThat(fixtures.auditDetails(workspace.id(), "ACCOUNT_ADDED")).contains("\"imported\": true");
    }

    @Test
    void importAccounts_whenALabelWasTakenSinceThePreview_importsNothing() {
        signIn.as(admin.email());
        byte[] file = "label,app\nFirst,GitHub\nSecond,GitHub\n".getBytes(StandardCharsets.UTF_8);
        assertThat(importer.preview(file).toCreate()).isEqualTo(2);
        signIn.as(ann.email());
        accounts.addAccount(new AccountForm("github", null, "Second", null, MfaState.ON, null, null));
        signIn.as(admin.email());

        ImportPreview done = importer.importAccounts(file);

        assertThat(done.toCreate()).isEqualTo(1);
        assertThat(accounts.listCards(CardFilter.ALL, 0, 10))
                .extracting(AccountCard::label)
                .containsExactly("First");
        assertThatThrownBy(() -> importer.importAccounts("label,app\nFirst,GitHub\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AccountRefusedException.class)
                .hasMessageContaining("No row");
    }

    @Test
    void aFileThatIsNotCsvText_orTooLarge_isRefusedWithASentence() {
        signIn.as(admin.email());

        assertThatThrownBy(() -> importer.preview(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}))
                .isInstanceOf(AccountRefusedException.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> importer.preview(new byte[AccountImport.MAX_BYTES + 1]))
                .isInstanceOf(AccountRefusedException.class)
                .hasMessageContaining("1 MB");
        assertThatThrownBy(() -> importer.preview("label,app\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AccountRefusedException.class)
                .hasMessageContaining("no accounts");
    }

    @Test
    void importing_byUserGuestLoginOnlyOrAnonymous_isDenied_andChangesNothing() {
        String before = fixtures.snapshot(workspace.id());
        for (String email : List.of(
                ann.email(),
                workspace.member(WorkspaceRole.GUEST).email(),
                workspace.member(WorkspaceRole.LOGIN_ONLY).email())) {
            signIn.as(email);
            assertThat(importer.mayImport()).isFalse();
            assertThatThrownBy(() -> importer.preview(file())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> importer.importAccounts(file())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(importer::template).isInstanceOf(NotFoundException.class);
        }
        signIn.out();
        assertThatThrownBy(() -> importer.importAccounts(file()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(fixtures.snapshot(workspace.id())).isEqualTo(before);
    }

    @Test
    void importing_intoAnotherWorkspace_cannotReachItsMembers() {
        TestWorkspace other = fixtures.newWorkspace();
        signIn.as(other.member(WorkspaceRole.OWNER).email());

        ImportPreview preview =
                importer.preview(("label,app,login name,MFA,owners\nTheirs,GitHub,,On," + ann.email() + "\n")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(preview.rows().get(0).problem()).contains("No active member has the e-mail address " + ann.email());
    }
}
