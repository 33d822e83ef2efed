package dev.breakglass.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.breakglass.security.SignInNotice;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/** The sign-in page. Its error message never says whether the e-mail address exists. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Breakglass")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final ObjectProvider<SignInNotice> notices;
    private final Paragraph notice = new Paragraph();

    LoginView(ObjectProvider<SignInNotice> notices) {
        this.notices = notices;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("E-mail");
        i18n.getErrorMessage().setTitle("Could not sign you in");
        i18n.getErrorMessage().setMessage("Check the e-mail address and password, then try again.");
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        H1 title = new H1("Breakglass");
        title.addClassName("login-title");
        Paragraph tagline = new Paragraph("MFA backup codes for your team's shared accounts.");
        notice.setId("sign-in-notice");
        notice.setVisible(false);
        add(title, tagline, notice, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
        List<String> now = notices.orderedStream().flatMap(source -> source.notice().stream()).toList();
        notice.setText(String.join(" ", now));
        notice.setVisible(!now.isEmpty());
    }
}
