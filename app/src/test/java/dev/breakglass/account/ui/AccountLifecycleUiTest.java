package dev.breakglass.account.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouterLink;
import dev.breakglass.account.AccountForm;
import dev.breakglass.account.AccountOwnership;
import dev.breakglass.account.AccountService;
import dev.breakglass.account.AppChoice;
import dev.breakglass.account.ImportRow;
import dev.breakglass.account.MfaState;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Adding, editing, removing, finding and importing accounts on the Accounts page and the account's Settings tab. */
class AccountLifecycleUiTest extends KaribuTest {

    @Autowired
    RoleFixtures roles;

    @Autowired
    SignIn signIn;

    @Autowired
    AccountService accounts;

    TestWorkspace workspace;
    TestMember ann;
    TestMember ben;

    @BeforeEach
    void workspaceWithTwoUsers() {
        workspace = roles.newWorkspace();
        ann = workspace.addMember("ann", WorkspaceRole.USER);
        ben = workspace.addMember("ben", WorkspaceRole.USER);
    }

    @Test
    void addAccount_opensItsSettings_readyForAddCodes() {
        loginAs(ann.email());

        _click(_get(Button.class, spec -> spec.withId("add-account")));
        chooseApp("GitHub");
        _setValue(_get(TextField.class, spec -> spec.withId("account-label")), "Ops GitHub");
        _setValue(_get(TextField.class, spec -> spec.withId("account-login-name")), "ops-admin");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<MfaState> mfa = _get(RadioButtonGroup.class, spec -> spec.withId("account-mfa"));
        _setValue(mfa, MfaState.ON);
        _setValue(_get(TextField.class, spec -> spec.withId("account-url")), "https://github.com/login");
        assertThat(_get(TextArea.class, spec -> spec.withId("account-notes")).getHelperText())
                .contains("not secrets");
        _click(_get(Button.class, spec -> spec.withId("save-account")));

        assertThat(_find(H1.class, spec -> spec.withText("Ops GitHub"))).hasSize(1);
        assertThat(_get(Details.class, spec -> spec.withId("emergency-controls"))
                        .isOpened())
                .isTrue();
        assertThat(_get(Button.class, spec -> spec.withId("add-codes")).isVisible())
                .isTrue();
        assertThat(_get(TextField.class, spec -> spec.withLabel("App")).getValue())
                .isEqualTo("GitHub");
    }

    @Test
    void addAccount_withProblems_saysWhatIsWrongNextToTheField_andKeepsWhatWasTyped() {
        workspace.addAccount("Registrar", Map.of(ann.userId(), AccountRole.OWNER));
        loginAs(ann.email());

        _click(_get(Button.class, spec -> spec.withId("add-account")));
        chooseApp("Other app");
        _setValue(_get(TextField.class, spec -> spec.withId("account-label")), "REGISTRAR");
        _setValue(_get(TextField.class, spec -> spec.withId("account-url")), "registrar.example.com");
        _click(_get(Button.class, spec -> spec.withId("save-account")));

        TextField label = _get(TextField.class, spec -> spec.withId("account-label"));
        assertThat(label.isInvalid()).isTrue();
        assertThat(label.getErrorMessage()).contains("\u201cRegistrar\u201d");
        assertThat(label.getValue()).isEqualTo("REGISTRAR");
        assertThat(_get(TextField.class, spec -> spec.withId("account-url")).getErrorMessage())
                .contains("https://");
        assertThat(_get(TextField.class, spec -> spec.withId("account-app-name"))
                        .getErrorMessage())
                .contains("app's name");
    }

    @Test
    void guestsAndLoginOnlyUsers_seeNeitherAddNorImport_andUsersNoImport() {
        for (WorkspaceRole role : List.of(WorkspaceRole.GUEST, WorkspaceRole.LOGIN_ONLY)) {
            switchTo(workspace.member(role).email());
            _assertNone(Button.class, spec -> spec.withId("add-account"));
            _assertNone(Button.class, spec -> spec.withId("import-accounts"));
        }
        switchTo(ann.email());
        _get(Button.class, spec -> spec.withId("add-account"));
        _assertNone(Button.class, spec -> spec.withId("import-accounts"));
    }

    @Test
    void edit_savesTheChanges_andACollaboratorCannotEdit() {
        UUID id = workspace.addAccount(
                "Registrar", Map.of(ann.userId(), AccountRole.OWNER, ben.userId(), AccountRole.COLLABORATOR));
        loginAs(ben.email());
        UI.getCurrent().navigate("accounts/" + id);
        _assertNone(Button.class, spec -> spec.withId("edit-account"));
        _assertNone(Button.class, spec -> spec.withId("remove-account"));

        switchTo(ann.email());
        UI.getCurrent().navigate("accounts/" + id);
        _click(_get(Button.class, spec -> spec.withId("edit-account")));
        _setValue(_get(TextField.class, spec -> spec.withId("account-label")), "Domain registrar");
        _setValue(_get(TextArea.class, spec -> spec.withId("account-notes")), "Renewals in March");
        _click(_get(Button.class, spec -> spec.withId("save-account")));

        assertThat(_find(H1.class, spec -> spec.withText("Domain registrar"))).hasSize(1);
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Notes")).getValue())
                .isEqualTo("Renewals in March");
    }

    @Test
    void edit_whenAnotherOwnerSavedMeanwhile_namesThem_keepsTheEdits_andASecondSaveWins() {
        UUID id = workspace.addAccount(
                "Registrar", Map.of(ann.userId(), AccountRole.OWNER, ben.userId(), AccountRole.OWNER));
        loginAs(ann.email());
        UI.getCurrent().navigate("accounts/" + id);
        _click(_get(Button.class, spec -> spec.withId("edit-account")));
        _setValue(_get(TextField.class, spec -> spec.withId("account-label")), "Ann's registrar");

        // Ben, in his own session, saves first.
        signIn.as(ben.email());
        accounts.editAccount(id, 0, new AccountForm("github", null, "Ben's registrar", null, MfaState.ON, null, null));
        signIn.as(ann.email());
        _click(_get(Button.class, spec -> spec.withId("save-account")));

        Paragraph conflict = _get(Paragraph.class, spec -> spec.withId("account-conflict"));
        assertThat(conflict.getText()).startsWith("ben person changed this account");
        assertThat(_get(TextField.class, spec -> spec.withId("account-label")).getValue())
                .isEqualTo("Ann's registrar");
        assertThat(accounts.details(id).label()).isEqualTo("Ben's registrar");

        _click(_get(Button.class, spec -> spec.withId("save-account")));
        assertThat(accounts.details(id).label()).isEqualTo("Ann's registrar");
    }

    @Test
    void remove_afterTypingTheLabel_takesTheAccountOffTheList() {
        UUID id = workspace.addAccount("Old forum", Map.of(ann.userId(), AccountRole.OWNER));
        workspace.addAccount("Keeper", Map.of(ann.userId(), AccountRole.OWNER));
        loginAs(ann.email());
        UI.getCurrent().navigate("accounts/" + id);

        _click(_get(Button.class, spec -> spec.withId("remove-account")));
        Button confirm = _get(Button.class, spec -> spec.withId("confirm-remove-account"));
        _setValue(_get(TextField.class, spec -> spec.withId("remove-account-label")), "old forum");
        assertThat(confirm.isEnabled()).isFalse();
        _setValue(_get(TextField.class, spec -> spec.withId("remove-account-label")), "Old forum");
        _click(confirm);

        assertThat(cards()).containsExactly("Keeper");
    }

    @Test
    void workspaceOwner_removesAnAccount_fromAllAccounts() {
        workspace.addAccount("Orphan", Map.of(ann.userId(), AccountRole.OWNER));
        loginAs(workspace.member(WorkspaceRole.OWNER).email());
        UI.getCurrent().navigate("all-accounts");

        @SuppressWarnings("unchecked")
        Grid<AccountOwnership> grid = _get(Grid.class, spec -> spec.withId("all-accounts"));
        assertThat(GridKt._findAll(grid)).extracting(AccountOwnership::label).containsExactly("Orphan");
        _click((Button) GridKt._getCellComponent(grid, 0, "remove"));
        _setValue(_get(TextField.class, spec -> spec.withId("remove-account-label")), "Orphan");
        _click(_get(Button.class, spec -> spec.withId("confirm-remove-account")));

        assertThat(GridKt._size(grid)).isZero();
    }

    @Test
    void search_narrowsTheCards_asYouType() {
        workspace.addAccount("Build bot", Map.of(ann.userId(), AccountRole.OWNER));
        workspace.addAccount("Chat", Map.of(ann.userId(), AccountRole.OWNER));
        loginAs(ann.email());
        assertThat(cards()).containsExactly("Build bot", "Chat");

        _setValue(_get(TextField.class, spec -> spec.withId("search-accounts")), "BOT");
        assertThat(cards()).containsExactly("Build bot");
        _setValue(_get(TextField.class, spec -> spec.withId("search-accounts")), "nothing like it");
        assertThat(cards()).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-accounts")).getText())
                .isEqualTo("No account matches.");
    }

    @Test
    void import_previewsEveryRow_thenCreatesTheValidOnes() {
        loginAs(workspace.member(WorkspaceRole.ADMIN).email());
        _click(_get(Button.class, spec -> spec.withId("import-accounts")));
        String csv = "label,app,login name,MFA,owners,collaborators\n"
                + "Ops GitHub,GitHub,ops,On," + ann.email() + "," + ben.email() + "\n"
                + "Wiki,Wiki Co,,Off,,\n"
                + "Broken,GitHub,,Maybe,,\n";

        UploadKt._upload(
                _get(Upload.class, spec -> spec.withId("import-file")),
                "accounts.csv",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip();

        @SuppressWarnings("unchecked")
        Grid<ImportRow> preview = _get(Grid.class, spec -> spec.withId("import-preview"));
        assertThat(GridKt._size(preview)).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(preview, 1)).contains("Other app: Wiki Co", "Will be created");
        assertThat(GridKt._getFormattedRow(preview, 2).get(7)).contains("not an MFA value");
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-message")).getText())
                .startsWith("2 accounts will be created; 1 row cannot be imported");
        _click(_get(Button.class, spec -> spec.withId("confirm-import")));

        assertThat(cards()).containsExactly("Wiki");
        switchTo(ann.email());
        assertThat(cards()).containsExactly("Ops GitHub");
    }

    @Test
    void import_ofAFileThatIsNotText_saysSo() {
        loginAs(workspace.member(WorkspaceRole.OWNER).email());
        _click(_get(Button.class, spec -> spec.withId("import-accounts")));

        UploadKt._upload(
                _get(Upload.class, spec -> spec.withId("import-file")), "accounts.csv", "text/csv", new byte[] {
                    (byte) 0xff, (byte) 0xfe, 0, 0
                });
        MockVaadin.clientRoundtrip();

        assertThat(_get(Paragraph.class, spec -> spec.withId("import-message")).getText())
                .contains("not UTF-8 text");
        assertThat(_get(Button.class, spec -> spec.withId("confirm-import")).isEnabled())
                .isFalse();
    }

    /** Signs in as someone else in the same browser, starting from a fresh Accounts page. */
    private void switchTo(String email) {
        UI.getCurrent().navigate("password");
        loginAs(email);
    }

    private static void chooseApp(String name) {
        @SuppressWarnings("unchecked")
        ComboBox<AppChoice> app = _get(ComboBox.class, spec -> spec.withId("account-app"));
        AppChoice choice = com.github.mvysny.kaributesting.v10.ComboBoxKt.getSuggestionItems(app).stream()
                .filter(item -> item.name().equals(name))
                .findFirst()
                .orElseThrow();
        _setValue(app, choice);
    }

    private static List<String> cards() {
        return _find(RouterLink.class, spec -> spec.withClasses("account-card")).stream()
                .map(card -> card.getElement().getAttribute("data-label"))
                .toList();
    }
}
