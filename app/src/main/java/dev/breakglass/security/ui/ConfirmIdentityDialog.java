package dev.breakglass.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinService;
import dev.breakglass.security.Confirmation;
import dev.breakglass.security.ConfirmationChoices;
import dev.breakglass.security.IdentityConfirmation;
import dev.breakglass.security.IdentityConfirmationRequiredException;
import dev.breakglass.security.SecondFactorService;

/**
 * Confirm it is you: the step-up before codes are shown. It offers what the member has: the password plus a code
 * from their authenticator app (or a recovery code), or the password alone when they have no second factor and the
 * workspace allows that. Other ways to confirm (a passkey) are added with {@link #addChoice}. Runs the action once
 * the service says the confirmation is right.
 */
public class ConfirmIdentityDialog extends Dialog {

    private final IdentityConfirmation identity;
    private final Runnable onConfirmed;
    private final ConfirmationChoices choices;
    private final Div otherChoices = new Div();
    private final PasswordField password = new PasswordField("Password");
    private final TextField code = new TextField("Code from your authenticator app");
    private final Paragraph error = new Paragraph();

    public ConfirmIdentityDialog(IdentityConfirmation identity, Runnable onConfirmed) {
        this.identity = identity;
        this.onConfirmed = onConfirmed;
        this.choices = identity.choices();
        setId("confirm-identity-dialog");
        setHeaderTitle("Confirm it is you");
        setWidth("min(28rem, 95vw)");
        otherChoices.setId("confirm-other-choices");
        otherChoices.setVisible(false);
        add(otherChoices);
        error.setId("confirm-error");
        error.addClassName("form-error");
        error.setVisible(false);
        if (choices.passkey()) {
            UsePasskeyButton passkey = new UsePasskeyButton(this::confirmedElsewhere);
            passkey.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            passkey.setProblemHandler(message -> {
                error.setText(message);
                error.setVisible(true);
            });
            addChoice(passkey);
        }
        var sso = identity.ssoChoice(returnPath());
        sso.ifPresent(provider -> {
            Anchor signInAgain = new Anchor(provider.path(), "Sign in again with " + provider.name());
            signInAgain.setRouterIgnore(true);
            signInAgain.setId("confirm-with-sso");
            signInAgain.addClassName("sso-button");
            addChoice(signInAgain);
        });
        add(error);
        Button cancel = new Button("Cancel", event -> close());
        if (choices.none() && sso.isEmpty()) {
            Paragraph required = new Paragraph(
                    "Your workspace requires a second factor before codes are shown, and you have none yet. ");
            required.setId("confirm-factor-required");
            Anchor setUp = new Anchor(SignInSecurityView.ROUTE, "Set one up on Sign-in security");
            setUp.setId("confirm-set-up-factor");
            required.add(setUp);
            add(required);
            getFooter().add(cancel);
            return;
        }
        if (choices.passwordAlone() || choices.passwordAndCode()) {
            addPasswordChoice();
            Button confirm = new Button("Confirm", event -> confirm());
            confirm.setId("confirm-identity");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.addClickShortcut(Key.ENTER);
            getFooter().add(cancel, confirm);
            addOpenedChangeListener(event -> password.focus());
        } else {
            getFooter().add(cancel);
        }
    }

    /** The page the dialog was opened on, to come back to after a sign-in at the identity provider. */
    private static String returnPath() {
        UI ui = UI.getCurrent();
        return ui == null
                ? "/"
                : "/" + ui.getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }

    /** What the member may confirm with, as the service answered when the dialog opened. */
    public ConfirmationChoices choices() {
        return choices;
    }

    /**
     * The slot for another way to confirm, such as "Use a passkey": shown above the password. The choice runs its
     * own ceremony with the service and, when it succeeds, calls {@link #confirmedElsewhere()}.
     */
    public void addChoice(Component choice) {
        otherChoices.add(choice);
        otherChoices.setVisible(true);
    }

    /** Another choice confirmed the member: close and go ahead. */
    public void confirmedElsewhere() {
        close();
        onConfirmed.run();
    }

    private void addPasswordChoice() {
        password.setId("confirm-password");
        password.setWidthFull();
        if (choices.passwordAndCode()) {
            code.setId("confirm-code");
            code.setWidthFull();
            code.setHelperText("Lost your phone? Type one of your Breakglass recovery codes instead.");
            code.getElement().setAttribute("autocomplete", "one-time-code");
            add(
                    new Paragraph("Enter your Breakglass password and the code your authenticator app shows now."),
                    password,
                    code,
                    error);
        } else {
            add(new Paragraph("Enter your Breakglass password to go on."), password, error);
        }
    }

    private void confirm() {
        Confirmation result = identity.confirm(password.getValue(), code.getValue());
        switch (result.outcome()) {
            case CONFIRMED -> confirmedElsewhere();
            case WRONG -> {
                password.clear();
                code.clear();
                showError(
                        choices.passwordAndCode()
                                ? "The password or the code is not right. Try again with the code your app shows now."
                                : "That password is not right. Try again.");
                password.focus();
            }
            case PAUSED ->
                showError("Too many failed attempts. Wait " + SecondFactorService.about(result.waitFor())
                        + ", then try again.");
            case FACTOR_REQUIRED ->
                showError("Your workspace requires a second factor. Set one up on Sign-in security first.");
            case SESSION_ENDED -> {
                close();
                UI.getCurrent().getPage().setLocation(LoginView.AFTER_FAILED_CONFIRMATIONS);
            }
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
        password.setInvalid(true);
        password.setErrorMessage(null);
    }

    /**
     * Runs a privileged action (one whose service asks for a recent step-up) at once when the member confirmed who
     * they are recently, else after they confirm it in this dialog; the action then runs as it was asked for.
     */
    public static void confirmThen(Runnable action) {
        try {
            action.run();
        } catch (IdentityConfirmationRequiredException e) {
            IdentityConfirmation identity =
                    VaadinService.getCurrent().getInstantiator().getOrCreate(IdentityConfirmation.class);
            new ConfirmIdentityDialog(identity, action).open();
        }
    }
}
