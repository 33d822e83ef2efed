package dev.breakglass.account.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.QueryParameters;
import dev.breakglass.account.AccountOwnership;
import dev.breakglass.account.Person;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** All accounts: the workspace Owner and Super Admins see every account and recover orphaned ones; nobody else does. */
class AllAccountsViewTest extends KaribuTest {

    @Autowired
    RoleFixtures roles;

    @Test
    void owner_seesEveryAccount_andGivesAnOrphanedOneNewOwners() {
        TestWorkspace acme = roles.demoWorkspace();
        TestMember gone = acme.addMember("gone", WorkspaceRole.USER);
        acme.addAccount("Gone's mailbox", Map.of(gone.userId(), AccountRole.OWNER));
        roles.deactivate(acme.id(), gone.userId());
        loginAs("owner@acme.test");

        UI.getCurrent().navigate("all-accounts", QueryParameters.of("orphaned", ""));
        assertThat(_get(Checkbox.class, spec -> spec.withId("orphaned-only")).getValue())
                .isTrue();
        assertThat(accounts())
                .extracting(AccountOwnership::label)
                .contains("Gone's mailbox")
                .doesNotContain("GitHub");
        _setValue(_get(Checkbox.class, spec -> spec.withId("orphaned-only")), false);
        assertThat(accounts())
                .extracting(AccountOwnership::label)
                .contains(
                        "GitHub", "Google Workspace", "Slack", "AWS root", "Cloudflare", "Microsoft 365", "Docker Hub");
        assertThat(accounts().get(0).orphaned()).isTrue();

        _click((Button) cell("Gone's mailbox", "actions"));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Person> owners = _get(MultiSelectComboBox.class, spec -> spec.withId("owners"));
        Person bob = candidates(owners).stream()
                .filter(p -> p.email().equals("bob@acme.test"))
                .findFirst()
                .orElseThrow();
        _setValue(owners, Set.of(bob));
        _click(_get(Button.class, spec -> spec.withId("save-owners")));
        // Reassigning Owners is a break-glass event: confirm it is you, then the Owners chosen are saved.
        assertThat(roles.lastAuditAction(acme.id())).isNotEqualTo("OWNERS_REASSIGNED");
        _setValue(_get(PasswordField.class, spec -> spec.withId("confirm-password")), "breakglass-demo");
        _click(_get(Button.class, spec -> spec.withId("confirm-identity")));

        assertThat(accounts())
                .filteredOn(a -> a.label().equals("Gone's mailbox"))
                .singleElement()
                .satisfies(account -> {
                    assertThat(account.orphaned()).isFalse();
                    assertThat(account.owners()).containsExactly("Bob Example");
                });
        assertThat(roles.lastAuditAction(acme.id())).isEqualTo("OWNERS_REASSIGNED");
    }

    @Test
    void ownerCandidates_leaveOutGuests() {
        loginAs("owner@acme.test");
        UI.getCurrent().navigate(AllAccountsView.class);

        _click((Button) cell("Slack", "actions"));
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<Person> owners = _get(MultiSelectComboBox.class, spec -> spec.withId("owners"));
        assertThat(owners.getValue()).extracting(Person::email).containsExactly("owner@acme.test");
        assertThat(candidates(owners))
                .extracting(Person::email)
                .contains("alice@acme.test")
                .doesNotContain("gina@acme.test", "olga@globex.test");
    }

    @Test
    void admin_andUser_seeNoAllAccountsPage() {
        for (String email : List.of("admin@acme.test", "alice@acme.test", "gina@acme.test")) {
            loginAs(email);
            try {
                UI.getCurrent().navigate("all-accounts");
            } catch (RuntimeException refused) {
                // Some Karibu set-ups rethrow the access-denied reroute; the assertions below hold either way.
            }
            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                    .as(email)
                    .noneMatch(AllAccountsView.class::isInstance)
                    .anyMatch(HasErrorParameter.class::isInstance);
        }
    }

    @SuppressWarnings("unchecked")
    private static com.vaadin.flow.component.Component cell(String label, String column) {
        Grid<AccountOwnership> grid = _get(Grid.class, spec -> spec.withId("all-accounts"));
        List<AccountOwnership> rows = GridKt._findAll(grid);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).label().equals(label)) {
                return GridKt._getCellComponent(grid, i, column);
            }
        }
        throw new AssertionError(label + " is not listed");
    }

    private static List<Person> candidates(MultiSelectComboBox<Person> owners) {
        return owners.getLazyDataView().getItems().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<AccountOwnership> accounts() {
        return GridKt._findAll((Grid<AccountOwnership>) _get(Grid.class, spec -> spec.withId("all-accounts")));
    }
}
