package dev.breakglass.security.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.breakglass.security.SignInNotice;
import dev.breakglass.security.SignInPausedException;
import dev.breakglass.security.SingleSignOn;
import dev.breakglass.security.SsoProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.WebAttributes;

/**
 * The sign-in page. Its error message never says whether the e-mail address exists; when sign-in is paused after
 * too many failures, it says so and for how long, instead of blaming a password it did not check.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Breakglass")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    /** Where a session ended after failed confirmations of identity is sent. */
    public static final String AFTER_FAILED_CONFIRMATIONS = "login?signed-out=confirmations";

    private static final String FAILED_TITLE = "Could not sign you in";
    private static final String FAILED_MESSAGE = "Check the e-mail address and password, then try again.";

    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();
    private final ObjectProvider<SignInNotice> notices;
    private final Paragraph notice = new Paragraph();
    private final Paragraph passkeyProblem = new Paragraph();
    private final PasskeyButton passkey = new PasskeyButton("Sign in with a passkey");

    private final Paragraph ssoProblem = new Paragraph();

    LoginView(ObjectProvider<SignInNotice> notices, SingleSignOn singleSignOn) {
        this.notices = notices;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("E-mail");
        i18n.getErrorMessage().setTitle(FAILED_TITLE);
        i18n.getErrorMessage().setMessage(FAILED_MESSAGE);
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        H1 title = new H1("Breakglass");
        title.addClassName("login-title");
        Paragraph tagline = new Paragraph("MFA backup codes for your team's shared accounts.");
        notice.setId("sign-in-notice");
        notice.setVisible(false);
        passkey.setId("passkey-sign-in");
        passkeyProblem.setId("passkey-problem");
        passkeyProblem.setVisible(false);
        ssoProblem.setId("sso-problem");
        ssoProblem.addClassName("form-error");
        ssoProblem.setVisible(false);
        add(title, tagline, notice, ssoProblem);
        for (SingleSignOn.Provider provider : singleSignOn.providers()) {
            Anchor sso = new Anchor(provider.path(), "Sign in with " + provider.name());
            sso.setRouterIgnore(true);
            sso.addClassName("sso-button");
            sso.getElement()
                    .setAttribute("data-workspace", provider.workspaceId().toString());
            add(sso);
        }
        add(form, passkey, passkeyProblem);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        PasskeyScript.load(event.getUI());
        passkey.bind("signIn", this::passkeyAnswered, PasskeyScript.csrf());
    }

    /** The browser's answer; on success it is already on its way into the app. */
    void passkeyAnswered(PasskeyScript.Result result) {
        if (result.ok()) {
            passkeyProblem.setVisible(false);
            return;
        }
        passkeyProblem.setText(
                PasskeyScript.explain(result.outcome(), "sign in with your e-mail address and password"));
        passkeyProblem.setVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean failed =
                event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (failed && lastFailure() instanceof SignInPausedException paused) {
            i18n.getErrorMessage().setTitle("Sign-in is paused");
            i18n.getErrorMessage()
                    .setMessage("Too many failed attempts from here. Wait " + about(paused.pausedFor())
                            + ", then try again. Your password was not checked.");
        } else {
            i18n.getErrorMessage().setTitle(FAILED_TITLE);
            i18n.getErrorMessage().setMessage(FAILED_MESSAGE);
        }
        form.setI18n(i18n);
        form.setError(failed);
        List<String> sso =
                event.getLocation().getQueryParameters().getParameters().getOrDefault("sso", List.of());
        ssoProblem.setText(
                sso.isEmpty()
                        ? ""
                        : SsoProblem.ofCode(sso.get(0))
                                .orElse(SsoProblem.FAILED)
                                .sentence());
        ssoProblem.setVisible(!sso.isEmpty());
        List<String> now = new ArrayList<>(notices.orderedStream()
                .flatMap(source -> source.notice().stream())
                .toList());
        if (event.getLocation()
                .getQueryParameters()
                .getParameters()
                .getOrDefault("signed-out", List.of())
                .contains("confirmations")) {
            now.add("You were signed out after five failed attempts to confirm it was you. Sign in again.");
        }
        notice.setText(String.join(" ", now));
        notice.setVisible(!now.isEmpty());
    }

    /** Why the last sign-in of this browser failed, as Spring Security keeps it in the session. */
    private static Object lastFailure() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null
                ? null
                : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    static String about(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return "about " + minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
