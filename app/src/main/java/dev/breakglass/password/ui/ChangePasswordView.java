package dev.breakglass.password.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.breakglass.password.PasswordPolicy;
import dev.breakglass.password.PasswordService;
import dev.breakglass.password.WeakPasswordException;
import dev.breakglass.password.WrongPasswordException;
import jakarta.annotation.security.PermitAll;

/** Every member changes their own password here; the current one is asked for first. */
@Route("password")
@Menu(title = "Change password", order = 6)
@PageTitle("Change password · Breakglass")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    private final PasswordService passwords;
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField chosen = new PasswordField("New password");
    private final PasswordField repeated = new PasswordField("New password again");

    ChangePasswordView(PasswordService passwords) {
        this.passwords = passwords;
        addClassName("change-password-view");
        current.setId("current-password");
        chosen.setId("new-password");
        chosen.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters. A few unrelated words work well.");
        repeated.setId("repeat-password");
        for (PasswordField field : new PasswordField[] {current, chosen, repeated}) {
            field.setWidth("min(24rem, 100%)");
            field.setRevealButtonVisible(true);
        }
        Button change = new Button("Change password", event -> change());
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1("Change password"), current, chosen, repeated, change);
    }

    private void change() {
        current.setInvalid(false);
        chosen.setInvalid(false);
        repeated.setInvalid(false);
        if (!chosen.getValue().equals(repeated.getValue())) {
            showError(repeated, "The two new passwords are not the same.");
            return;
        }
        try {
            passwords.changeOwnPassword(current.getValue(), chosen.getValue());
        } catch (WrongPasswordException e) {
            showError(current, e.getMessage());
            return;
        } catch (WeakPasswordException e) {
            showError(chosen, e.getMessage());
            return;
        }
        current.clear();
        chosen.clear();
        repeated.clear();
        Notification.show("Your password was changed.", 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void showError(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
