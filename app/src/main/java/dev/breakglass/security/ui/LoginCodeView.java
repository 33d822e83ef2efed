package dev.breakglass.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.breakglass.security.Confirmation;
import dev.breakglass.security.SecondFactorService;
import dev.breakglass.security.SignInStage;
import jakarta.annotation.security.PermitAll;

/**
 * The second step of a password sign-in: for a member with an authenticator app, the code it shows or one of their
 * Breakglass recovery codes (or a passkey, when they also have one); for a member whose second factor is a passkey,
 * that passkey. Until it is done the session opens nothing else ({@link SignInStageGuard}).
 */
@Route(value = LoginCodeView.ROUTE, autoLayout = false)
@PageTitle("Enter your code · Breakglass")
@PermitAll
public class LoginCodeView extends VerticalLayout {

    public static final String ROUTE = "login/code";

    private final SecondFactorService factors;
    private final TextField code = new TextField("Code");
    private final Paragraph problem = new Paragraph();

    LoginCodeView(SecondFactorService factors, AuthenticationContext authentication) {
        this.factors = factors;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        H1 title = new H1("Breakglass");
        title.addClassName("login-title");
        code.setId("sign-in-code");
        code.setWidth("min(20rem, 90vw)");
        code.setHelperText("Lost your phone? Type one of your Breakglass recovery codes instead.");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setAutofocus(true);
        Button submit = new Button("Continue", event -> submit());
        submit.setId("submit-sign-in-code");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        Button signOut = new Button("Sign out", event -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        FinishSignInPasskeyButton passkey =
                new FinishSignInPasskeyButton(factors, () -> getUI().ifPresent(ui -> ui.navigate("")), this::fail);
        if (factors.pendingStage() == SignInStage.PASSKEY_PENDING) {
            passkey.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            problem.setId("sign-in-passkey-problem");
            problem.addClassName("form-error");
            problem.getElement().setAttribute("role", "alert");
            add(title, new H2("Finish signing in with your passkey"), passkey, problem, signOut);
        } else {
            add(title, new H2("Enter the code from your authenticator app"), code, submit, passkey, signOut);
        }
    }

    private void submit() {
        Confirmation result = factors.finishSignIn(code.getValue());
        switch (result.outcome()) {
            case CONFIRMED -> getUI().ifPresent(ui -> ui.navigate(""));
            case PAUSED ->
                fail("Too many wrong codes. Wait " + SecondFactorService.about(result.waitFor()) + ", then try again.");
            default -> fail("That code is not right. Type the code your app shows now, or a recovery code.");
        }
    }

    private void fail(String message) {
        problem.setText(message);
        code.clear();
        code.setErrorMessage(message);
        code.setInvalid(true);
        code.focus();
    }
}
