package dev.breakglass.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.breakglass.account.AccountOwnership;
import dev.breakglass.account.AccountService;
import dev.breakglass.account.AllAccountsService;
import dev.breakglass.account.SharingRefusedException;
import dev.breakglass.security.Capability;
import dev.breakglass.security.ui.ConfirmIdentityDialog;
import jakarta.annotation.security.RolesAllowed;

/**
 * Every account of the workspace with its Owners, orphaned ones first, for the workspace Owner and Super
 * Admins; they reassign Owners here. {@code ?orphaned} opens it filtered to orphaned accounts.
 */
@Route("all-accounts")
@Menu(title = "All accounts", order = 2)
@PageTitle("All accounts · Breakglass")
@RolesAllowed(Capability.REACH_ALL_ACCOUNTS)
public class AllAccountsView extends VerticalLayout implements BeforeEnterObserver {

    private final AllAccountsService service;
    private final AccountService accounts;
    private final TextField search = new TextField();
    private final Checkbox orphanedOnly = new Checkbox("Orphaned accounts only");
    private final Grid<AccountOwnership> grid = new Grid<>(AccountOwnership.class, false);

    AllAccountsView(AllAccountsService service, AccountService accounts) {
        this.service = service;
        this.accounts = accounts;
        addClassName("all-accounts-view");
        setSizeFull();
        search.setId("account-search");
        search.setLabel("Search accounts");
        search.setPlaceholder("Label");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        orphanedOnly.setId("orphaned-only");
        orphanedOnly.addValueChangeListener(event -> grid.getDataProvider().refreshAll());

        grid.setId("all-accounts");
        grid.addColumn(AccountOwnership::label)
                .setHeader("Account")
                .setKey("label")
                .setAutoWidth(true);
        grid.addColumn(AccountOwnership::appName).setHeader("App").setKey("app");
        grid.addColumn(account -> String.join(", ", account.owners()))
                .setHeader("Account owners")
                .setKey("owners")
                .setAutoWidth(true);
        grid.addComponentColumn(AllAccountsView::status).setHeader("Status").setKey("status");
        grid.addComponentColumn(this::reassignButton).setHeader("").setKey("actions");
        grid.addComponentColumn(this::removeButton).setHeader("").setKey("remove");
        grid.setItems(
                query ->
                        service
                                .list(orphanedOnly.getValue(), search.getValue(), query.getOffset(), query.getLimit())
                                .stream(),
                query -> service.count(orphanedOnly.getValue(), search.getValue()));
        HorizontalLayout filters = new HorizontalLayout(search, orphanedOnly);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H1("All accounts"), filters, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orphanedOnly.setValue(
                event.getLocation().getQueryParameters().getParameters().containsKey("orphaned"));
    }

    private static Span status(AccountOwnership account) {
        Span status = new Span(account.orphaned() ? "Orphaned" : "Owned");
        status.getElement().getThemeList().add(account.orphaned() ? "badge error" : "badge success");
        return status;
    }

    private Button reassignButton(AccountOwnership account) {
        Button button = new Button("Reassign Owners", event -> openReassignDialog(account));
        button.getElement().setAttribute("data-account", account.label());
        button.addThemeVariants(
                account.orphaned() ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY,
                ButtonVariant.LUMO_SMALL);
        return button;
    }

    private Button removeButton(AccountOwnership account) {
        Button button = new Button("Remove", event -> openRemoveDialog(account));
        button.getElement().setAttribute("data-account", account.label());
        button.addClassName("remove-account");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void openRemoveDialog(AccountOwnership account) {
        RemoveAccountDialog.open(
                accounts,
                account.id(),
                account.label(),
                () -> grid.getDataProvider().refreshAll());
    }

    private void openReassignDialog(AccountOwnership account) {
        ReassignOwnersDialog dialog = new ReassignOwnersDialog(service, account);
        dialog.addSaveListener(event -> ConfirmIdentityDialog.confirmThen(() -> {
            try {
                service.reassignOwners(account.id(), dialog.ownerIds());
            } catch (SharingRefusedException e) {
                dialog.showError(e.getMessage());
                return;
            }
            dialog.close();
            grid.getDataProvider().refreshAll();
            Notification.show(
                            "Owners of " + account.label() + " saved. Its former and new Owners are told.",
                            5000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }));
        dialog.open();
    }
}
