package dev.breakglass.account.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import dev.breakglass.account.AccountDetails;
import dev.breakglass.account.AccountService;
import dev.breakglass.account.SharingService;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.audit.AuditLog;
import dev.breakglass.audit.ui.ActivityList;
import dev.breakglass.backupcodes.ui.EmergencyControls;
import dev.breakglass.security.AccountRole;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;

/** One account: its tabs, with Settings first and the Emergency controls at its bottom. */
@Route("accounts/:" + AccountDetailsView.ACCOUNT_ID)
@PermitAll
public class AccountDetailsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ACCOUNT_ID = "accountId";

    private final AccountService accounts;
    private final BackupCodeService backupCodes;
    private final AuditLog auditLog;
    private final SharingService sharing;
    private String title = "Account · Breakglass";

    AccountDetailsView(AccountService accounts, BackupCodeService backupCodes, AuditLog auditLog, SharingService sharing) {
        this.accounts = accounts;
        this.backupCodes = backupCodes;
        this.auditLog = auditLog;
        this.sharing = sharing;
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
        removeAll();
        show(account);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(AccountDetails account) {
        H2 heading = new H2(account.label());
        Span role = new Span("You are " + account.myRole().label());
        role.getElement().getThemeList().add("badge contrast");
        Div header = new Div(heading, role);
        header.addClassName("account-header");

        TabSheet tabs = new TabSheet();
        tabs.setId("account-tabs");
        tabs.setWidthFull();
        tabs.add("Settings", settings(account));
        tabs.add("Users", new UsersTab(sharing, account.id()));
        if (account.myRole() == AccountRole.OWNER) {
            tabs.add("Activity", new ActivityList(auditLog, account.id()));
        }
        add(header, tabs);
    }

    private VerticalLayout settings(AccountDetails account) {
        VerticalLayout settings = new VerticalLayout(
                readOnly("Label", account.label()),
                readOnly("App", account.appName()),
                readOnly("Login name", account.loginName()),
                readOnly("MFA", account.mfaState().label()),
                new EmergencyControls(backupCodes, account.id(), account.label()));
        settings.setPadding(false);
        settings.setId("settings-tab");
        return settings;
    }

    private static TextField readOnly(String label, String value) {
        TextField field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        field.setWidth("min(28rem, 100%)");
        return field;
    }
}
