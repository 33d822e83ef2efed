package dev.breakglass.security.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.breakglass.security.PasskeyService;
import jakarta.annotation.security.PermitAll;

/** Sign-in security: how every member signs in to Breakglass and confirms it is them. */
@Route("profile/security")
@Menu(title = "Sign-in security", order = 7)
@PageTitle("Sign-in security · Breakglass")
@PermitAll
public class SignInSecurityView extends VerticalLayout {

    SignInSecurityView(PasskeyService passkeys) {
        addClassName("sign-in-security-view");
        add(new H2("Sign-in security"), new PasskeysSection(passkeys));
    }
}
