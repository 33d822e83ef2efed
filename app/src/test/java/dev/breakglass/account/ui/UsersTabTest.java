package dev.breakglass.account.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import dev.breakglass.account.AccountPerson;
import dev.breakglass.account.Person;
import dev.breakglass.security.AccountRole;
import dev.breakglass.testing.KaribuTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Users tab of an account: Owners share and set roles within the rules; Collaborators only look. */
class UsersTabTest extends KaribuTest {

    @Test
    void collaborator_seesWhoTheAccountOwnersAre_andWhereToAskForACode() {
        loginAs("bob@acme.test");
        openAccount("GitHub");

        assertThat(_get(Span.class, spec -> spec.withId("my-account-role")).getText())
                .isEqualTo("You are a Collaborator");
        assertThat(_get(Paragraph.class, spec -> spec.withId("account-owners"))
                        .getElement()
                        .getTextRecursively())
                .startsWith("Account owners: ")
                .contains("Alice Example", "Olivia Owner")
                .doesNotContain("Bob Example")
                .contains("Request a code");
    }

    @Test
    void theTab_isInTheUrl_soALinkOpensIt() {
        loginAs("alice@acme.test");
        UI.getCurrent()
                .navigate(
                        AccountDetailsView.class,
                        new RouteParameters(
                                AccountDetailsView.ACCOUNT_ID,
                                fixtures.accountId("GitHub").toString()),
                        QueryParameters.of(AccountDetailsView.TAB, "users"));

        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("account-tabs"));
        assertThat(tabs.getSelectedIndex()).isEqualTo(1);
        assertThat(_get(Span.class, spec -> spec.withId("my-account-role")).getText())
                .isEqualTo("You are an Account owner");
    }

    @Test
    void owner_addsAndRemovesACollaborator() {
        loginAs("alice@acme.test");
        openUsersTab("GitHub");
        assertThat(people())
                .extracting(AccountPerson::email)
                .containsExactlyInAnyOrder("alice@acme.test", "owner@acme.test", "bob@acme.test");

        @SuppressWarnings("unchecked")
        ComboBox<Person> person = _get(ComboBox.class, spec -> spec.withId("share-person"));
        assertThat(ComboBoxKt.getSuggestionItems(person))
                .extracting(Person::email)
                .contains("gina@acme.test")
                .doesNotContain("bob@acme.test", "olga@globex.test");
        _setValue(
                person,
                ComboBoxKt.getSuggestionItems(person).stream()
                        .filter(candidate -> candidate.email().equals("gina@acme.test"))
                        .findFirst()
                        .orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("share")));
        assertThat(people()).extracting(AccountPerson::email).contains("gina@acme.test");

        _click((Button) cellOf("gina@acme.test", "actions"));
        assertThat(people()).extracting(AccountPerson::email).doesNotContain("gina@acme.test");
    }

    @Test
    void owner_cannotMakeAGuestOwner_norLeaveTheAccountWithoutOwner() {
        loginAs("alice@acme.test");
        openUsersTab("Microsoft 365");
        roleOf("gina@acme.test").setValue(AccountRole.OWNER);
        NotificationsKt.expectNotifications("Gina Guest is a Guest and can only be a Collaborator.");
        assertThat(people())
                .filteredOn(p -> p.email().equals("gina@acme.test"))
                .extracting(AccountPerson::role)
                .containsExactly(AccountRole.COLLABORATOR);

        roleOf("alice@acme.test").setValue(AccountRole.COLLABORATOR);
        NotificationsKt.expectNotifications("Microsoft 365 needs at least one Owner. Make someone else Owner first.");
        assertThat(people())
                .filteredOn(p -> p.email().equals("alice@acme.test"))
                .extracting(AccountPerson::role)
                .containsExactly(AccountRole.OWNER);
    }

    @Test
    void collaborator_seesWhoHasAccess_butNoWayToChangeIt() {
        loginAs("bob@acme.test");
        openUsersTab("GitHub");

        assertThat(people()).hasSize(3);
        assertThat(_find(ComboBox.class, spec -> spec.withId("share-person"))).isEmpty();
        assertThat(cellOf("alice@acme.test", "role")).isNotInstanceOf(Select.class);
        assertThat(cellOf("bob@acme.test", "actions").getChildren()).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("share"))).isEmpty();
    }

    private void openUsersTab(String label) {
        UI.getCurrent()
                .navigate(
                        AccountDetailsView.class,
                        new RouteParameters(
                                AccountDetailsView.ACCOUNT_ID,
                                fixtures.accountId(label).toString()));
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("account-tabs"));
        tabs.setSelectedIndex(1);
        assertThat(tabs.getSelectedTab().getLabel()).isEqualTo("Users");
    }

    @SuppressWarnings("unchecked")
    private static List<AccountPerson> people() {
        return GridKt._findAll((Grid<AccountPerson>) _get(Grid.class, spec -> spec.withId("account-people")));
    }

    @SuppressWarnings("unchecked")
    private static Select<AccountRole> roleOf(String email) {
        return (Select<AccountRole>) cellOf(email, "role");
    }

    @SuppressWarnings("unchecked")
    private static Component cellOf(String email, String column) {
        Grid<AccountPerson> grid = _get(Grid.class, spec -> spec.withId("account-people"));
        List<AccountPerson> rows = GridKt._findAll(grid);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).email().equals(email)) {
                return GridKt._getCellComponent(grid, i, column);
            }
        }
        throw new AssertionError(email + " is not listed");
    }
}
