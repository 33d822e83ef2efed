package dev.breakglass.workspace.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasErrorParameter;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.workspace.Member;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Members page as admins use it, and what members who are not admins never get to see. */
class MembersViewTest extends KaribuTest {

    @Autowired
    RoleFixtures roles;

    @Test
    void admin_addsAMember_andGetsAOneTimeLink() {
        loginAs("admin@acme.test");
        assertThat(navLabels()).contains("Members", "Change password").doesNotContain("All accounts");
        UI.getCurrent().navigate(MembersView.class);

        _setValue(_get(TextField.class, spec -> spec.withId("member-search")), "gina");
        assertThat(GridKt._findAll(grid())).extracting(Member::email).containsExactly("gina@acme.test");
        _setValue(_get(TextField.class, spec -> spec.withId("member-search")), "");
        @SuppressWarnings("unchecked")
        Select<WorkspaceRole> roleFilter = _get(Select.class, spec -> spec.withId("member-role-filter"));
        _setValue(roleFilter, WorkspaceRole.GUEST);
        assertThat(GridKt._findAll(grid()))
                .extracting(Member::role)
                .isNotEmpty()
                .containsOnly(WorkspaceRole.GUEST);
        _setValue(roleFilter, null);

        _click(_get(Button.class, spec -> spec.withId("add-member")));
        @SuppressWarnings("unchecked")
        Select<WorkspaceRole> role = _get(Select.class, spec -> spec.withId("new-member-role"));
        assertThat(ComboBoxKt.getSuggestionItems(role))
                .containsExactly(WorkspaceRole.USER, WorkspaceRole.GUEST, WorkspaceRole.LOGIN_ONLY);
        _setValue(_get(EmailField.class, spec -> spec.withId("new-member-email")), "nora@acme.test");
        _click(_get(Button.class, spec -> spec.withId("save-member")));
        assertThat(_get(TextField.class, spec -> spec.withId("new-member-name")).getErrorMessage())
                .contains("name");
        assertThat(_get(EmailField.class, spec -> spec.withId("new-member-email"))
                        .getValue())
                .isEqualTo("nora@acme.test");

        _setValue(_get(TextField.class, spec -> spec.withId("new-member-name")), "Nora New");
        _click(_get(Button.class, spec -> spec.withId("save-member")));

        assertThat(_get(TextField.class, spec -> spec.withId("set-password-link"))
                        .getValue())
                .contains("/set-password/");
        assertThat(GridKt._findAll(grid())).extracting(Member::email).contains("nora@acme.test");
    }

    @Test
    void admin_managesUsers_butNotTheOwner_othersAdminsOrThemselves() {
        loginAs("admin@acme.test");
        UI.getCurrent().navigate(MembersView.class);

        assertThat(buttonsOf("owner@acme.test")).isEmpty();
        assertThat(buttonsOf("admin@acme.test")).isEmpty();
        assertThat(buttonsOf("alice@acme.test"))
                .contains("Change role", "Deactivate", "Remove", "New password link")
                .doesNotContain("Make Workspace owner");
    }

    @Test
    void owner_seesMakeOwner_andSuperAdminAmongTheRoles() {
        loginAs("owner@acme.test");
        assertThat(navLabels()).contains("Members", "All accounts");
        UI.getCurrent().navigate(MembersView.class);

        assertThat(buttonsOf("admin@acme.test")).contains("Change role", "Make Workspace owner");
        assertThat(buttonsOf("gina@acme.test")).doesNotContain("Make Workspace owner");
        _click(_get(Button.class, spec -> spec.withId("add-member")));
        @SuppressWarnings("unchecked")
        Select<WorkspaceRole> role = _get(Select.class, spec -> spec.withId("new-member-role"));
        assertThat(ComboBoxKt.getSuggestionItems(role))
                .startsWith(WorkspaceRole.SUPER_ADMIN)
                .doesNotContain(WorkspaceRole.OWNER);
    }

    @Test
    void deactivating_theLastOwnerOfAnAccount_namesIt_andEndsInOrphanedAccounts() {
        TestMember leaver = roles.demoWorkspace().addMember("leaver", WorkspaceRole.USER);
        roles.demoWorkspace().addAccount("Leaver's registrar", Map.of(leaver.userId(), AccountRole.OWNER));
        loginAs("admin@acme.test");
        UI.getCurrent().navigate(MembersView.class);

        click(leaver.email(), "Deactivate");
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getText(confirm)).contains("Leaver's registrar");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(NotificationsKt.getNotifications())
                .extracting(com.github.mvysny.kaributools.NotificationsKt::getText)
                .anyMatch(text -> text.contains("Orphaned accounts") && text.contains("Leaver's registrar"));
        assertThat(GridKt._findAll(grid()))
                .filteredOn(m -> m.email().equals(leaver.email()))
                .extracting(Member::active)
                .containsExactly(false);
        assertThat(buttonsOf(leaver.email())).contains("Reactivate").doesNotContain("Deactivate");
    }

    @Test
    void changingARole_toGuest_warnsAboutOrphans_first() {
        TestMember demoted = roles.demoWorkspace().addMember("demoted", WorkspaceRole.USER);
        roles.demoWorkspace().addAccount("Demoted's domain", Map.of(demoted.userId(), AccountRole.OWNER));
        loginAs("admin@acme.test");
        UI.getCurrent().navigate(MembersView.class);

        click(demoted.email(), "Change role");
        @SuppressWarnings("unchecked")
        Select<WorkspaceRole> role = _get(Select.class, spec -> spec.withId("member-role"));
        _setValue(role, WorkspaceRole.GUEST);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("role-warning"))
                        .getText())
                .contains("Demoted's domain");
        _click(_get(Button.class, spec -> spec.withId("save-role")));
        // A role decides who reaches codes: the admin confirms it is them, then the chosen role is saved as chosen.
        assertThat(GridKt._findAll(grid()))
                .filteredOn(m -> m.email().equals(demoted.email()))
                .extracting(Member::role)
                .containsExactly(WorkspaceRole.USER);
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), "breakglass-demo");
        _click(_get(Button.class, spec -> spec.withId("confirm-identity")));

        assertThat(_find(Dialog.class)).noneMatch(Dialog::isOpened);
        assertThat(GridKt._findAll(grid()))
                .filteredOn(m -> m.email().equals(demoted.email()))
                .extracting(Member::role)
                .containsExactly(WorkspaceRole.GUEST);
    }

    @Test
    void user_seesNoMembersPage() {
        loginAs("alice@acme.test");

        assertThat(navLabels()).contains("Accounts", "Change password").doesNotContain("Members", "All accounts");
        navigateRefused("members", MembersView.class);
    }

    /** Route access control turns the member away to an error view; the page itself is never built. */
    static void navigateRefused(String route, Class<?> view) {
        try {
            UI.getCurrent().navigate(route);
        } catch (RuntimeException refused) {
            // Some Karibu set-ups rethrow the access-denied reroute; the assertions below hold either way.
        }
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(view::isInstance)
                .anyMatch(HasErrorParameter.class::isInstance);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Member> grid() {
        return _get(Grid.class, spec -> spec.withId("members"));
    }

    private static List<String> navLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    private static List<String> buttonsOf(String email) {
        return _find(actionsOf(email), Button.class).stream()
                .map(Button::getText)
                .toList();
    }

    private static void click(String email, String text) {
        _click(_get(actionsOf(email), Button.class, spec -> spec.withText(text)));
    }

    private static Component actionsOf(String email) {
        Grid<Member> grid = grid();
        int row = IntStream.range(0, GridKt._size(grid))
                .filter(i -> GridKt._get(grid, i).email().equals(email))
                .findFirst()
                .orElseThrow(() -> new AssertionError(email + " is not listed"));
        return GridKt._getCellComponent(grid, row, "actions");
    }
}
