package dev.breakglass.workspace.ui;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.breakglass.password.PasswordPolicy;
import dev.breakglass.password.WeakPasswordException;
import dev.breakglass.workspace.FirstRun;
import dev.breakglass.workspace.InvalidWorkspaceException;
import dev.breakglass.workspace.MemberAlreadyExistsException;
import dev.breakglass.workspace.NewWorkspace;
import java.util.List;

/**
 * The first-run page: on a server without any workspace, whoever holds the setup token from the server log creates
 * the first workspace and becomes its Owner. Without that token, or once a workspace exists, the page is not found.
 */
@Route(value = "first-run/:" + FirstRunView.TOKEN, autoLayout = false)
@PageTitle("Create your workspace · Breakglass")
@AnonymousAllowed
public class FirstRunView extends VerticalLayout implements BeforeEnterObserver {

    static final String TOKEN = "token";

    private final FirstRun firstRun;
    private final TextField workspaceName = new TextField("Workspace name");
    private final TextField ownerName = new TextField("Your name");
    private final EmailField email = new EmailField("E-mail");
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField repeated = new PasswordField("Password again");
    private String token;

    FirstRunView(FirstRun firstRun) {
        this.firstRun = firstRun;
        addClassName("first-run-view");
        setAlignItems(Alignment.CENTER);
        workspaceName.setId("workspace-name");
        workspaceName.setHelperText("Your team or company, as its members will see it.");
        ownerName.setId("owner-name");
        email.setId("owner-email");
        email.setHelperText("You sign in with it. You will be the Workspace owner.");
        password.setId("new-password");
        password.setHelperText(
                "At least " + PasswordPolicy.MIN_LENGTH + " characters. A few unrelated words work well.");
        repeated.setId("repeat-password");
        List.<HasSize>of(workspaceName, ownerName, email, password, repeated)
                .forEach(field -> field.setWidth("min(24rem, 100%)"));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get(TOKEN).orElse("");
        if (!firstRun.accepts(token)) {
            // the same answer, word for word, as an address that never existed
            event.rerouteToError(
                    NotFoundException.class,
                    "Couldn't find route for '" + event.getLocation().getPath() + "'");
            return;
        }
        showForm();
    }

    private void showForm() {
        removeAll();
        Button create = new Button("Create workspace", event -> create());
        create.setId("create-workspace");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(
                new H1("Breakglass"),
                new Paragraph("No workspace exists yet. Create yours: you will be its Workspace owner "
                        + "and can add your team afterwards."),
                workspaceName,
                ownerName,
                email,
                password,
                repeated,
                create);
    }

    private void create() {
        workspaceName.setInvalid(false);
        ownerName.setInvalid(false);
        email.setInvalid(false);
        password.setInvalid(false);
        repeated.setInvalid(false);
        if (!password.getValue().equals(repeated.getValue())) {
            showError(repeated, "The two passwords are not the same.");
            return;
        }
        try {
            NewWorkspace created = firstRun.createFirstWorkspace(
                    token, workspaceName.getValue(), ownerName.getValue(), email.getValue(), password.getValue());
            showDone(created);
        } catch (InvalidWorkspaceException e) {
            showError(
                    switch (e.field()) {
                        case NAME -> workspaceName;
                        case OWNER_EMAIL -> email;
                        case OWNER_NAME -> ownerName;
                    },
                    e.getMessage());
        } catch (MemberAlreadyExistsException e) {
            showError(email, e.getMessage());
        } catch (WeakPasswordException e) {
            showError(password, e.getMessage());
        } catch (dev.breakglass.security.NotFoundException e) {
            // someone else created the first workspace meanwhile
            removeAll();
            add(
                    new H1("Breakglass"),
                    new Paragraph("A workspace was created in the meantime, so this page is gone. "
                            + "Ask its Workspace owner to add you."),
                    signIn());
        }
    }

    private static void showError(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void showDone(NewWorkspace created) {
        removeAll();
        Paragraph done = new Paragraph("Your workspace " + created.name() + " is ready. Sign in with "
                + created.ownerEmail() + " and the password you chose.");
        done.setId("first-run-result");
        add(new H1("Breakglass"), done, signIn());
    }

    private static Anchor signIn() {
        Anchor signIn = new Anchor("login", "Sign in");
        signIn.setId("sign-in");
        return signIn;
    }
}
