package dev.breakglass.password.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.breakglass.password.InvalidSetPasswordLinkException;
import dev.breakglass.password.PasswordPolicy;
import dev.breakglass.password.PasswordService;
import dev.breakglass.password.WeakPasswordException;

/**
 * Where a new member, or one an admin sent a fresh link, chooses their password. Reachable without signing
 * in; the one-time token in the address is the proof.
 */
@Route(value = "set-password/:" + SetPasswordView.TOKEN, autoLayout = false)
@PageTitle("Choose your password · Breakglass")
@AnonymousAllowed
public class SetPasswordView extends VerticalLayout implements BeforeEnterObserver {

    static final String TOKEN = "token";

    private final PasswordService passwords;
    private final PasswordField chosen = new PasswordField("New password");
    private final PasswordField repeated = new PasswordField("New password again");
    private String token;

    SetPasswordView(PasswordService passwords) {
        this.passwords = passwords;
        addClassName("set-password-view");
        setAlignItems(Alignment.CENTER);
        chosen.setId("new-password");
        chosen.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters. A few unrelated words work well.");
        repeated.setId("repeat-password");
        chosen.setWidth("min(24rem, 100%)");
        repeated.setWidth("min(24rem, 100%)");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get(TOKEN).orElse("");
        passwords
                .setPasswordLinkHolder(token)
                .ifPresentOrElse(this::showForm, () -> showDone(new InvalidSetPasswordLinkException().getMessage()));
    }

    private void showForm(String name) {
        removeAll();
        add(new H1("Breakglass"));
        Button save = new Button("Set password", event -> save());
        save.setId("set-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph("Welcome, " + name + ". Choose the password you will sign in with."), chosen, repeated, save);
    }

    private void save() {
        chosen.setInvalid(false);
        repeated.setInvalid(false);
        if (!chosen.getValue().equals(repeated.getValue())) {
            repeated.setErrorMessage("The two passwords are not the same.");
            repeated.setInvalid(true);
            return;
        }
        try {
            passwords.setPasswordWithLink(token, chosen.getValue());
        } catch (WeakPasswordException e) {
            chosen.setErrorMessage(e.getMessage());
            chosen.setInvalid(true);
            return;
        } catch (InvalidSetPasswordLinkException e) {
            showDone(e.getMessage());
            return;
        }
        showDone("Your password is set.");
    }

    private void showDone(String message) {
        removeAll();
        add(new H1("Breakglass"));
        Paragraph text = new Paragraph(message);
        text.setId("set-password-result");
        add(text, new Anchor("login", "Sign in"));
    }
}
