package dev.breakglass.security.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.breakglass.security.IdentityConfirmation;
import dev.breakglass.security.IdentityConfirmationRequiredException;
import dev.breakglass.security.SecondFactorException;
import dev.breakglass.security.SecondFactorPolicy;
import dev.breakglass.security.SecondFactorService;
import dev.breakglass.security.SignInSecurity;
import dev.breakglass.security.SignInStage;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Sign-in security, for every member: their password, their authenticator app and recovery codes, the sections
 * other features add ({@link SignInSecuritySection}, such as passkeys), and for the workspace Owner and Super
 * Admins who in the workspace must have a second factor. A member who must set up a factor lands here after
 * signing in and stays until they have one.
 */
@Route(SignInSecurityView.ROUTE)
@Menu(title = "Sign-in security", order = 90)
@PageTitle("Sign-in security · Breakglass")
@PermitAll
public class SignInSecurityView extends VerticalLayout {

    public static final String ROUTE = "profile/security";

    private final SecondFactorService factors;
    private final IdentityConfirmation identity;
    private final ObjectProvider<SignInSecuritySection> sections;
    private final Div content = new Div();

    SignInSecurityView(
            SecondFactorService factors,
            IdentityConfirmation identity,
            ObjectProvider<SignInSecuritySection> sections) {
        this.factors = factors;
        this.identity = identity;
        this.sections = sections;
        addClassName("sign-in-security-view");
        content.setWidthFull();
        add(new H1("Sign-in security"), content);
        refresh();
    }

    /** Adds a section below the authenticator app, for a feature that is not a Spring bean. */
    public void addSection(Component section) {
        content.add(section);
    }

    private void refresh() {
        SignInSecurity state = factors.overview();
        content.removeAll();
        if (state.stage() == SignInStage.ENROLMENT_REQUIRED) {
            Paragraph required = new Paragraph("Your workspace requires a second factor. Set up an authenticator "
                    + "app (or a passkey) to go on; until then Breakglass opens nothing else.");
            required.setId("factor-required-notice");
            required.addClassName("factor-required-notice");
            content.add(required);
        }
        content.add(passwordSection(), authenticatorSection(state));
        sections.orderedStream()
                .sorted(Comparator.comparingInt(SignInSecuritySection::order))
                .forEach(section -> content.add(section.create()));
        if (state.mayChangePolicy() && state.stage() == SignInStage.SIGNED_IN) {
            content.add(policySection(state.policy()));
        }
    }

    private Component passwordSection() {
        Anchor change = new Anchor("password", "Change password");
        change.setId("change-password-link");
        return section("Password", new Paragraph("You sign in with your e-mail address and password. "), change);
    }

    private Component authenticatorSection(SignInSecurity state) {
        Paragraph status = new Paragraph();
        status.setId("authenticator-status");
        if (!state.authenticatorApp()) {
            status.setText("No authenticator app yet. With one, signing in and confirming it is you also ask for the "
                    + "six-digit code it shows.");
            Button setUp = new Button("Set up an authenticator app", event -> startSetup());
            setUp.setId("set-up-authenticator");
            setUp.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            return section("Authenticator app", status, setUp);
        }
        status.setText("On. Signing in asks for a code from your authenticator app. " + state.recoveryCodesLeft()
                + (state.recoveryCodesLeft() == 1 ? " recovery code is" : " recovery codes are") + " left.");
        Button newCodes = new Button("Generate new recovery codes", event -> withIdentity(this::newRecoveryCodes));
        newCodes.setId("new-recovery-codes");
        Button remove = new Button("Remove the authenticator app", event -> confirmRemove());
        remove.setId("remove-authenticator");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return section("Authenticator app", status, new Div(newCodes, remove));
    }

    private Component policySection(SecondFactorPolicy current) {
        RadioButtonGroup<SecondFactorPolicy> policy = new RadioButtonGroup<>("Who must sign in with a second factor");
        policy.setId("second-factor-policy");
        policy.setItems(SecondFactorPolicy.values());
        policy.setItemLabelGenerator(SecondFactorPolicy::label);
        policy.setValue(current);
        Button save = new Button("Save", event -> {
            factors.changePolicy(policy.getValue());
            done("Saved. From their next sign-in, members it applies to must have a second factor.");
        });
        save.setId("save-second-factor-policy");
        return section(
                "Second factor in this workspace",
                new Paragraph("A second factor is a passkey or an authenticator app. A member who must have one and "
                        + "has none is asked to set one up right after signing in."),
                policy,
                save);
    }

    private void startSetup() {
        boolean mustSetUp = factors.overview().stage() == SignInStage.ENROLMENT_REQUIRED;
        try {
            AuthenticatorSetupDialog dialog = new AuthenticatorSetupDialog(factors.startAuthenticatorSetup());
            dialog.addFinishListener(event -> {
                try {
                    List<String> codes = factors.finishAuthenticatorSetup(dialog.code());
                    dialog.close();
                    RecoveryCodesDialog recovery = new RecoveryCodesDialog(codes);
                    recovery.addOpenedChangeListener(opened -> {
                        if (!opened.isOpened()) {
                            afterSetup(mustSetUp);
                        }
                    });
                    recovery.open();
                } catch (SecondFactorException e) {
                    dialog.showError(e.getMessage());
                }
            });
            dialog.open();
        } catch (SecondFactorException e) {
            error(e.getMessage());
        }
    }

    /** A member who had to set up a factor may now go anywhere: the app loads afresh with their pages. */
    private void afterSetup(boolean mustSetUp) {
        if (mustSetUp) {
            getUI().ifPresent(ui -> ui.getPage().setLocation("./"));
        }
        refresh();
        done("Your authenticator app is on.");
    }

    private void newRecoveryCodes() {
        new RecoveryCodesDialog(factors.newRecoveryCodes()).open();
        refresh();
    }

    private void confirmRemove() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-remove-authenticator");
        dialog.setHeader("Remove the authenticator app?");
        dialog.setText("Signing in asks for your password only, and your recovery codes stop working.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Remove");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> withIdentity(() -> {
            factors.removeAuthenticatorApp();
            refresh();
            done("The authenticator app is removed.");
        }));
        dialog.open();
    }

    /** Runs an action that needs a fresh step-up; asks to confirm first when the service wants it. */
    private void withIdentity(Runnable action) {
        Runnable guarded = () -> {
            try {
                action.run();
            } catch (SecondFactorException e) {
                error(e.getMessage());
            }
        };
        try {
            guarded.run();
        } catch (IdentityConfirmationRequiredException e) {
            new ConfirmIdentityDialog(identity, guarded).open();
        }
    }

    private static Component section(String title, Component... parts) {
        Div section = new Div(new H3(title));
        section.add(parts);
        section.addClassName("security-section");
        return section;
    }

    private static void done(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
