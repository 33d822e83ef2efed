package dev.breakglass.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.breakglass.account.AccountPeople;
import dev.breakglass.account.AccountPerson;
import dev.breakglass.account.Person;
import dev.breakglass.account.SharingRefusedException;
import dev.breakglass.account.SharingService;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.WorkspaceRole;
import java.util.UUID;

/** The Users tab of an account: who has access and as what; the account's Owners add, remove and change roles. */
class UsersTab extends VerticalLayout {

    private final SharingService sharing;
    private final UUID accountId;
    private final Grid<AccountPerson> grid = new Grid<>(AccountPerson.class, false);
    private final HorizontalLayout addRow = new HorizontalLayout();
    private boolean mayShare;

    /** @param people the account's people as read when the tab is first opened; it reads them again after each change */
    UsersTab(SharingService sharing, UUID accountId, AccountPeople people) {
        this.sharing = sharing;
        this.accountId = accountId;
        setId("users-tab");
        setPadding(false);
        grid.setId("account-people");
        grid.setAllRowsVisible(true);
        grid.addColumn(AccountPerson::displayName)
                .setHeader("Name")
                .setKey("name")
                .setAutoWidth(true);
        grid.addColumn(AccountPerson::email).setHeader("E-mail").setKey("email").setAutoWidth(true);
        grid.addComponentColumn(this::roleCell).setHeader("Account role").setKey("role");
        grid.addColumn(person -> workspaceRoleName(person.workspaceRole()) + (person.active() ? "" : " (deactivated)"))
                .setHeader("Workspace role")
                .setKey("workspaceRole");
        grid.addComponentColumn(this::removeCell).setHeader("").setKey("actions");
        addRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(addRow, grid);
        show(people);
    }

    private void refresh() {
        try {
            show(sharing.people(accountId));
        } catch (NotFoundException e) {
            // The signed-in member just removed their own access.
            UI.getCurrent().navigate("");
        }
    }

    private void show(AccountPeople people) {
        mayShare = people.mayShare();
        grid.setItems(people.people());
        addRow.removeAll();
        if (mayShare) {
            addRow.add(addControls());
        }
    }

    private HorizontalLayout addControls() {
        ComboBox<Person> person = new ComboBox<>("Add a member");
        person.setId("share-person");
        person.setItemLabelGenerator(Person::caption);
        person.setItems(query ->
                sharing
                        .candidates(accountId, query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                        .stream());
        person.setWidth("min(24rem, 100%)");
        Select<AccountRole> role = roleSelect(AccountRole.COLLABORATOR);
        role.setId("share-role");
        role.setLabel("Account role");
        Button add = new Button("Add", event -> {
            if (person.getValue() == null) {
                person.setErrorMessage("Choose who to add.");
                person.setInvalid(true);
                return;
            }
            change(
                    () -> sharing.share(accountId, person.getValue().userId(), role.getValue()),
                    person.getValue().displayName() + " now has access as " + accountRoleName(role.getValue()) + ".");
        });
        add.setId("share");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout controls = new HorizontalLayout(person, role, add);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        return controls;
    }

    private Component roleCell(AccountPerson person) {
        if (!mayShare) {
            return new Span(accountRoleName(person.role()));
        }
        Select<AccountRole> role = roleSelect(person.role());
        role.getElement().setAttribute("data-member", person.email());
        role.setAriaLabel("Account role of " + person.displayName());
        role.addValueChangeListener(event -> {
            if (event.getValue() != person.role()) {
                change(
                        () -> sharing.changeRole(accountId, person.userId(), event.getValue()),
                        person.displayName() + " is now " + accountRoleName(event.getValue()) + ".");
            }
        });
        return role;
    }

    private Component removeCell(AccountPerson person) {
        if (!mayShare) {
            return new Span();
        }
        Button remove = new Button(
                "Remove",
                event -> change(
                        () -> sharing.remove(accountId, person.userId()),
                        person.displayName() + " no longer has access."));
        remove.getElement().setAttribute("data-member", person.email());
        remove.setAriaLabel("Remove " + person.displayName());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return remove;
    }

    private static Select<AccountRole> roleSelect(AccountRole value) {
        Select<AccountRole> role = new Select<>();
        role.setItems(AccountRole.values());
        role.setItemLabelGenerator(UsersTab::accountRoleName);
        role.setValue(value);
        return role;
    }

    private void change(Runnable change, String success) {
        try {
            change.run();
            Notification.show(success, 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (SharingRefusedException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    /** "Owner" is both an account's and the workspace's role: this tab names each in full. */
    private static String accountRoleName(AccountRole role) {
        return role == AccountRole.OWNER ? "Account owner" : role.label();
    }

    private static String workspaceRoleName(WorkspaceRole role) {
        return role == WorkspaceRole.OWNER ? "Workspace owner" : role.label();
    }
}
