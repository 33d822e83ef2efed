package dev.breakglass.account.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.breakglass.account.AccountChangedException;
import dev.breakglass.account.AccountDetails;
import dev.breakglass.account.AccountPeople;
import dev.breakglass.account.AccountPerson;
import dev.breakglass.account.AccountService;
import dev.breakglass.account.InvalidAccountException;
import dev.breakglass.account.SharingService;
import dev.breakglass.audit.AuditLog;
import dev.breakglass.audit.ui.ActivityList;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.CodeRequestService;
import dev.breakglass.backupcodes.CodesWatch;
import dev.breakglass.backupcodes.ui.EmergencyControls;
import dev.breakglass.backupcodes.ui.MyCodeRequests;
import dev.breakglass.backupcodes.ui.RequestsPanel;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.IdentityConfirmation;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** One account: its tabs, with Settings first and the Emergency controls at its bottom. */
@Route("accounts/:" + AccountDetailsView.ACCOUNT_ID)
@PermitAll
public class AccountDetailsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ACCOUNT_ID = "accountId";

    private final AccountService accounts;
    private final BackupCodeService backupCodes;
    private final CodesWatch codesWatch;
    /** The tab shown, as the URL names it; and the page's own path, to put the tab in. */
    private String tab = "settings";

    private String location = "";
    private final IdentityConfirmation identity;
    private final AuditLog auditLog;
    private final SharingService sharing;
    private final CodeRequestService codeRequests;
    private String title = "Account · Breakglass";
    private boolean justAdded;

    static final String TAB = "tab";

    /** A request the page was opened for (the link in a request's e-mail): its panel opens on it. */
    static final String REQUEST = "request";

    private UUID linkedRequest;

    AccountDetailsView(
            AccountService accounts,
            BackupCodeService backupCodes,
            CodesWatch codesWatch,
            IdentityConfirmation identity,
            AuditLog auditLog,
            SharingService sharing,
            CodeRequestService codeRequests) {
        this.identity = identity;
        this.accounts = accounts;
        this.backupCodes = backupCodes;
        this.codesWatch = codesWatch;
        this.auditLog = auditLog;
        this.sharing = sharing;
        this.codeRequests = codeRequests;
        addClassName("account-details-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        AccountDetails account;
        try {
            UUID id = UUID.fromString(event.getRouteParameters().get(ACCOUNT_ID).orElseThrow());
            account = accounts.details(id);
        } catch (IllegalArgumentException | dev.breakglass.security.NotFoundException e) {
            event.rerouteToError(NotFoundException.class, "No such account, or it is not shared with you.");
            return;
        }
        title = account.label() + " · Breakglass";
        justAdded = event.getLocation().getQueryParameters().getParameters().containsKey("added");
        tab = event.getLocation().getQueryParameters().getSingleParameter(TAB).orElse("settings");
        linkedRequest = event.getLocation()
                .getQueryParameters()
                .getSingleParameter(REQUEST)
                .flatMap(AccountDetailsView::uuid)
                .orElse(null);
        location = event.getLocation().getPath();
        removeAll();
        show(account);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(AccountDetails account) {
        H1 heading = new H1(account.label());
        // "Owner" is also a workspace role: here it is the account's, and named so.
        Span role =
                new Span(account.myRole() == AccountRole.OWNER ? "You are an Account owner" : "You are a Collaborator");
        role.setId("my-account-role");
        role.getElement().getThemeList().add("badge contrast");
        Div header = new Div(heading, role);
        header.addClassName("account-header");
        AccountPeople people = sharing.people(account.id());
        add(header, accountOwners(account, people));

        TabSheet tabs = new TabSheet();
        tabs.setId("account-tabs");
        tabs.setWidthFull();
        tabs.add("Settings", settings(account));
        // Users and Activity are built when first opened: a page that never shows them holds nothing of them.
        List<Supplier<Component>> lazy = new ArrayList<>();
        lazy.add(null);
        UUID accountId = account.id(); // the lambdas keep the id only, not the page's account and people
        lazy.add(() -> new UsersTab(sharing, accountId, sharing.people(accountId)));
        if (account.mayReadActivity()) {
            lazy.add(() -> new ActivityList(auditLog, accountId));
        }
        for (int index = 1; index < lazy.size(); index++) {
            tabs.add(index == 1 ? "Users" : "Activity", new Div());
        }
        // The tab lives in the URL (?tab=users): a link opens it, and the back button returns to the last one.
        List<String> names = List.of("settings", "users", "activity");
        int shown = names.indexOf(tab);
        if (shown > 0 && shown < tabs.getTabCount()) {
            fill(tabs, shown, lazy);
            tabs.setSelectedIndex(shown);
        }
        tabs.addSelectedChangeListener(event -> {
            fill(tabs, tabs.getSelectedIndex(), lazy);
            if (event.isFromClient()) {
                String chosen = names.get(tabs.getSelectedIndex());
                tab = chosen;
                getUI().ifPresent(ui -> ui.getPage()
                        .getHistory()
                        .pushState(
                                null,
                                new Location(
                                        location,
                                        "settings".equals(chosen)
                                                ? QueryParameters.empty()
                                                : QueryParameters.of(TAB, chosen))));
            }
        });
        add(tabs);
    }

    /** Builds a lazily built tab's content into its placeholder the first time the tab is shown. */
    private static void fill(TabSheet tabs, int index, List<Supplier<Component>> lazy) {
        if (index > 0 && index < lazy.size()) {
            Div holder = (Div) tabs.getComponent(tabs.getTabAt(index));
            if (holder.getComponentCount() == 0) {
                holder.setWidthFull();
                holder.add(lazy.get(index).get());
            }
        }
    }

    /** Who keeps this account's codes: a Collaborator knows whom to ask, and is pointed at Request a code. */
    private Paragraph accountOwners(AccountDetails account, AccountPeople people) {
        String names = people.people().stream()
                .filter(person -> person.role() == AccountRole.OWNER && person.active())
                .map(AccountPerson::displayName)
                .collect(Collectors.joining(", "));
        Paragraph owners = new Paragraph(
                names.isEmpty() ? "This account has no active Account owner." : "Account owners: " + names + ".");
        if (account.myRole() != AccountRole.OWNER && !names.isEmpty()) {
            owners.add(" They keep its backup codes: to get one in an emergency, use Request a code under Emergency"
                    + " controls.");
        }
        owners.setId("account-owners");
        owners.addClassName("account-owners");
        return owners;
    }

    private VerticalLayout settings(AccountDetails account) {
        Div fields = new Div();
        showSettings(fields, account);
        EmergencyControls emergency =
                new EmergencyControls(backupCodes, codesWatch, identity, account.id(), account.label());
        emergency.add(new MyCodeRequests(codeRequests, account.id(), account.label(), emergency));
        if (account.mayEdit()) {
            Button remove = new Button("Remove account", event -> openRemoveDialog(account));
            remove.setId("remove-account");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            emergency.add(remove);
        }
        if (justAdded) {
            emergency.setOpened(true);
            Notification.show(
                            account.label() + " added. Save its backup codes now with Add codes.",
                            5000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
        RequestsPanel requests = new RequestsPanel(codeRequests, account.id());
        if (linkedRequest != null) {
            // From a request's e-mail: the requester's own requests are under Emergency controls, the Owners' panel
            // below it; both open, with the request shown.
            emergency.setOpened(true);
            requests.show(linkedRequest);
        }
        VerticalLayout settings = new VerticalLayout(fields, emergency, requests);
        settings.setPadding(false);
        settings.setId("settings-tab");
        return settings;
    }

    private void showSettings(Div fields, AccountDetails account) {
        // Two columns and no empty optional fields, so Emergency controls stay high on the page.
        FormLayout shown = new FormLayout(
                readOnly("Label", account.label()),
                readOnly("App", account.appName()),
                readOnly("Login name", account.loginName()),
                readOnly("MFA", account.mfaState().label()));
        shown.setMaxWidth("48rem");
        if (account.signInUrl() != null) {
            shown.add(readOnly("Sign-in URL", account.signInUrl()), 2);
        }
        if (account.notes() != null) {
            TextArea notes = new TextArea("Notes");
            notes.setValue(account.notes());
            notes.setReadOnly(true);
            shown.add(notes, 2);
        }
        if (account.mayEdit()) {
            Button edit = new Button("Edit", event -> editSettings(fields, account));
            edit.setId("edit-account");
            shown.add(new Div(edit), 2);
        }
        fields.removeAll();
        fields.add(shown);
    }

    private void editSettings(Div fields, AccountDetails account) {
        var apps = accounts.apps();
        AccountFields form = new AccountFields(apps);
        form.setForm(account.form(), account.appName(), apps);
        Paragraph conflict = new Paragraph();
        conflict.setId("account-conflict");
        conflict.addClassName("account-conflict");
        conflict.setVisible(false);
        int[] version = {account.version()};
        Button save = new Button("Save changes", event -> {
            try {
                accounts.editAccount(account.id(), version[0], form.form());
            } catch (InvalidAccountException e) {
                form.showProblems(e.problems());
                return;
            } catch (AccountChangedException e) {
                // Keep what the user typed; a second save replaces the other change on purpose.
                version[0] = e.currentVersion();
                conflict.setText(e.getMessage());
                conflict.setVisible(true);
                return;
            }
            Notification.show("Changes saved.", 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            UI.getCurrent().getPage().setTitle(form.form().label() + " · Breakglass");
            removeAll();
            show(accounts.details(account.id()));
        });
        save.setId("save-account");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", event -> showSettings(fields, account));
        cancel.setId("cancel-edit-account");
        fields.removeAll();
        fields.add(conflict, form, new Div(cancel, save));
    }

    private void openRemoveDialog(AccountDetails account) {
        RemoveAccountDialog.open(
                accounts, account.id(), account.label(), () -> UI.getCurrent().navigate(AccountsView.class));
    }

    private static TextField readOnly(String label, String value) {
        TextField field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        field.setWidth("min(28rem, 100%)");
        return field;
    }

    private static java.util.Optional<UUID> uuid(String text) {
        try {
            return java.util.Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
