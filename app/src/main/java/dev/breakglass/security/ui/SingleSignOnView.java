package dev.breakglass.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.breakglass.security.InvalidSsoSettingsException;
import dev.breakglass.security.SingleSignOn;
import dev.breakglass.security.SsoChange;
import dev.breakglass.security.SsoMember;
import dev.breakglass.security.SsoSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Single sign-on, for the workspace Owner: the OpenID provider (issuer, client id, client secret), who may sign in
 * with it (allowed e-mail domains, just-in-time membership), whether it is the only way in, and the break-glass
 * admin whose password still works then. Shows the addresses to register at the provider. When the server's
 * settings ({@code breakglass.sso.*}) set the provider, the page shows them and changes nothing.
 */
@Route(SingleSignOnView.ROUTE)
@Menu(title = "Single sign-on", order = 6)
@PageTitle("Single sign-on · Breakglass")
@RolesAllowed("OWNER")
public class SingleSignOnView extends VerticalLayout {

    public static final String ROUTE = "admin/sso";

    private final SingleSignOn singleSignOn;
    private final TextField name = new TextField("Name on the sign-in button");
    private final TextField issuer = new TextField("Issuer URL");
    private final TextField clientId = new TextField("Client id");
    private final PasswordField clientSecret = new PasswordField("Client secret");
    private final TextField domains = new TextField("Allowed e-mail domains");
    private final Checkbox justInTime = new Checkbox("Just-in-time membership: people of these domains join as User");
    private final Checkbox ssoOnly =
            new Checkbox("Single sign-on is the only way in (except for the break-glass admin)");
    private final ComboBox<SsoMember> admin = new ComboBox<>("Break-glass admin");
    private final Paragraph error = new Paragraph();
    private final Paragraph addresses = new Paragraph();
    private final Paragraph serverSettings = new Paragraph(
            "The server's settings (breakglass.sso.*) set this workspace's single sign-on; change them there.");
    private final Paragraph noBreakGlassAdmin = new Paragraph("The server's settings make single sign-on the only way "
            + "in, but their break-glass admin (breakglass.sso.break-glass-admin) is no member of this workspace, so "
            + "every member's password still works. Add that member, or name another in the settings.");
    private final Button save = new Button("Save", event -> save());
    private final Button turnOff = new Button("Turn off single sign-on", event -> turnOff());

    SingleSignOnView(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
        addClassName("single-sign-on-view");
        name.setId("sso-name");
        name.setPlaceholder("Okta");
        issuer.setId("sso-issuer");
        issuer.setPlaceholder("https://example.okta.com");
        clientId.setId("sso-client-id");
        clientSecret.setId("sso-client-secret");
        domains.setId("sso-domains");
        domains.setPlaceholder("example.com, example.org");
        justInTime.setId("sso-just-in-time");
        ssoOnly.setId("sso-only");
        admin.setId("sso-break-glass-admin");
        admin.setItemLabelGenerator(member -> member.displayName() + " (" + member.email() + ")");
        error.setId("sso-error");
        error.addClassName("form-error");
        error.setVisible(false);
        addresses.setId("sso-addresses");
        serverSettings.setId("sso-from-settings");
        noBreakGlassAdmin.setId("sso-no-break-glass-admin");
        noBreakGlassAdmin.addClassName("form-error");
        save.setId("sso-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        turnOff.setId("sso-turn-off");
        turnOff.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (TextField field : List.of(name, issuer, clientId, domains)) {
            field.setWidth("min(32rem, 100%)");
        }
        clientSecret.setWidth("min(32rem, 100%)");
        admin.setWidth("min(32rem, 100%)");
        add(
                new H2("Single sign-on"),
                new Paragraph("Members sign in with your company's identity provider (OpenID Connect). A person is "
                        + "found by the e-mail address the provider verified, then by the provider's stable id."),
                serverSettings,
                noBreakGlassAdmin,
                addresses,
                name,
                issuer,
                clientId,
                clientSecret,
                domains,
                justInTime,
                ssoOnly,
                admin,
                error,
                new HorizontalLayout(save, turnOff));
        load();
    }

    private void load() {
        SsoSettings settings = singleSignOn.settings(baseUrl());
        List<SsoMember> members = singleSignOn.members();
        admin.setItems(members);
        name.setValue(settings.displayName());
        issuer.setValue(settings.issuer());
        clientId.setValue(settings.clientId());
        clientSecret.clear();
        clientSecret.setHelperText(
                settings.secretStored()
                        ? "A secret is stored, encrypted. Leave empty to keep it."
                        : settings.secretInSettings()
                                ? "Empty: the server's setting breakglass.sso.client-secret is used."
                                : "Required: the server's settings hold none.");
        domains.setValue(String.join(", ", settings.allowedDomains()));
        justInTime.setValue(settings.justInTime());
        ssoOnly.setValue(settings.ssoOnly());
        admin.setValue(members.stream()
                .filter(member -> member.userId().equals(settings.breakGlassAdminId()))
                .findFirst()
                .orElse(null));
        addresses.setText("At the provider, register the redirect URI " + settings.redirectUri()
                + " and the back-channel logout URI " + settings.backChannelLogoutUri() + ".");
        boolean readOnly = settings.fromServerSettings();
        serverSettings.setVisible(readOnly);
        noBreakGlassAdmin.setVisible(settings.breakGlassAdminMissing());
        for (var field : List.of(name, issuer, clientId, domains)) {
            field.setReadOnly(readOnly);
        }
        clientSecret.setReadOnly(readOnly);
        justInTime.setReadOnly(readOnly);
        ssoOnly.setReadOnly(readOnly);
        admin.setReadOnly(readOnly);
        save.setVisible(!readOnly);
        turnOff.setVisible(!readOnly && settings.configured());
    }

    private void save() {
        try {
            singleSignOn.save(new SsoChange(
                    name.getValue(),
                    issuer.getValue(),
                    clientId.getValue(),
                    clientSecret.getValue(),
                    false,
                    domains.getValue(),
                    justInTime.getValue(),
                    ssoOnly.getValue(),
                    admin.getValue() == null ? null : admin.getValue().userId()));
        } catch (InvalidSsoSettingsException invalid) {
            error.setText(invalid.getMessage());
            error.setVisible(true);
            return;
        }
        error.setVisible(false);
        Notification.show("Single sign-on saved.", 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        load();
    }

    private void turnOff() {
        singleSignOn.remove();
        Notification.show("Single sign-on is off: members sign in with their passwords.")
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        load();
    }

    private static String baseUrl() {
        VaadinServletRequest current = VaadinServletRequest.getCurrent();
        if (current == null) {
            return "";
        }
        HttpServletRequest request = current.getHttpServletRequest();
        boolean defaultPort = "http".equals(request.getScheme()) && request.getServerPort() == 80
                || "https".equals(request.getScheme()) && request.getServerPort() == 443;
        return request.getScheme() + "://" + request.getServerName()
                + (defaultPort ? "" : ":" + request.getServerPort()) + request.getContextPath();
    }
}
