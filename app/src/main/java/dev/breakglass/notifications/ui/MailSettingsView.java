package dev.breakglass.notifications.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.breakglass.notifications.MailPreferences;
import jakarta.annotation.security.PermitAll;

/** A member's e-mail settings: requests always come by e-mail; code activity on the accounts they own if they opt in. */
@Route("profile/notifications")
@Menu(title = "E-mail notifications", order = 7)
@PageTitle("E-mail notifications · Breakglass")
@PermitAll
public class MailSettingsView extends VerticalLayout {

    MailSettingsView(MailPreferences preferences) {
        addClassName("mail-settings-view");
        Paragraph status = new Paragraph(
                preferences.mailEnabled()
                        ? "Requests for a code of an account you own, and the answers to your own requests, always"
                                + " come by e-mail too."
                        : "This server sends no e-mail yet: an admin sets up the mail server (spring.mail.host)."
                                + " Your choice is kept for then.");
        status.setId("mail-status");
        Checkbox codeActivity = new Checkbox(
                "E-mail me when the codes of an account I own are viewed, used, replaced or deleted",
                preferences.codeActivity());
        codeActivity.setId("mail-code-activity");
        Button save = new Button("Save", event -> {
            preferences.setCodeActivity(codeActivity.getValue());
            Notification.show("E-mail settings saved.", 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        save.setId("save-mail-settings");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1("E-mail notifications"), status, codeActivity, save);
    }
}
