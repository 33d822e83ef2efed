package dev.breakglass.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import dev.breakglass.testing.KaribuTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;

/** What the login page says after a failed sign-in, as Spring Security leaves the reason in the session. */
class LoginViewTest extends KaribuTest {

    @Test
    void afterAPausedSignIn_thePageSaysSignInIsPaused_andForHowLong() {
        failedWith(new SignInPausedException(Duration.ofSeconds(90)));

        String shown = errorShown();
        assertThat(shown)
                .contains("Sign-in is paused")
                .contains("Wait about 2 minutes")
                .contains("password was not checked");
        assertThat(shown).doesNotContain("Check the e-mail address and password");
    }

    @Test
    void afterAWrongPassword_thePageSaysOnlyThatSignInFailed() {
        failedWith(new BadCredentialsException("Bad credentials"));

        assertThat(errorShown())
                .contains("Could not sign you in")
                .contains("Check the e-mail address and password")
                .doesNotContain("paused");
    }

    private static void failedWith(Exception reason) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, reason);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
    }

    private static String errorShown() {
        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        return form.getElement().getPropertyRaw("i18n").toString();
    }
}
