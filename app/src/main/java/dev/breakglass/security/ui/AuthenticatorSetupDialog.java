package dev.breakglass.security.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.breakglass.security.AuthenticatorSetup;

/**
 * Set up an authenticator app: the QR code, the secret as text under "Can't scan it?", and the field for the first
 * code, which finishes the set-up. Fires {@link FinishEvent}; the page asks the service.
 */
class AuthenticatorSetupDialog extends Dialog {

    private final TextField code = new TextField("Code from the app");

    AuthenticatorSetupDialog(AuthenticatorSetup setup) {
        setId("authenticator-setup");
        setHeaderTitle("Set up an authenticator app");
        setWidth("min(30rem, 95vw)");
        setCloseOnOutsideClick(false);

        Span secret = new Span(setup.groupedSecret());
        secret.setId("authenticator-secret");
        secret.addClassName("authenticator-secret");
        Details manual = new Details(
                "Can't scan it?",
                new Paragraph("Type this key into the app (time-based, six digits, every 30 seconds):"),
                secret);
        manual.setId("cant-scan");
        code.setId("authenticator-code");
        code.setWidthFull();
        code.getElement().setAttribute("autocomplete", "one-time-code");
        add(
                new Paragraph("Scan this QR code with your authenticator app (such as Google Authenticator, Microsoft "
                        + "Authenticator, 1Password or Aegis), then type the six-digit code it shows."),
                QrCodeImage.of(setup.otpauthUri(), "QR code to add Breakglass to an authenticator app"),
                manual,
                code);

        Button cancel = new Button("Cancel", event -> close());
        Button finish = new Button("Turn on", event -> fireEvent(new FinishEvent(this)));
        finish.setId("finish-authenticator-setup");
        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        finish.addClickShortcut(Key.ENTER);
        getFooter().add(cancel, finish);
        addOpenedChangeListener(event -> code.focus());
    }

    String code() {
        return code.getValue();
    }

    void showError(String message) {
        code.clear();
        code.setErrorMessage(message);
        code.setInvalid(true);
        code.focus();
    }

    Registration addFinishListener(com.vaadin.flow.component.ComponentEventListener<FinishEvent> listener) {
        return addListener(FinishEvent.class, listener);
    }

    static class FinishEvent extends ComponentEvent<AuthenticatorSetupDialog> {
        FinishEvent(AuthenticatorSetupDialog source) {
            super(source, false);
        }
    }
}
