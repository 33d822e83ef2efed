package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.breakglass.security.ui.UsePasskeyButton;
import java.util.function.Predicate;

/** Asks for the password again before codes are shown; runs the action once it is right. */
class ConfirmIdentityDialog extends Dialog {

    private final PasswordField password = new PasswordField("Password");

    ConfirmIdentityDialog(Predicate<String> checkPassword, Runnable onConfirmed) {
        setHeaderTitle("Confirm it is you");
        setWidth("min(26rem, 95vw)");
        password.setId("confirm-password");
        password.setWidthFull();
        add(new Paragraph("Enter your Breakglass password to see the codes."), password);
        UsePasskeyButton passkey = new UsePasskeyButton(() -> {
            close();
            onConfirmed.run();
        });
        add(passkey);

        Button cancel = new Button("Cancel", event -> close());
        Button confirm = new Button("Confirm", event -> {
            if (checkPassword.test(password.getValue())) {
                close();
                onConfirmed.run();
            } else {
                password.clear();
                password.setErrorMessage("That password is not right. Try again.");
                password.setInvalid(true);
            }
        });
        confirm.setId("confirm-identity");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        getFooter().add(cancel, confirm);
        addOpenedChangeListener(event -> password.focus());
    }
}
