package dev.breakglass.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import dev.breakglass.security.PasskeyService;
import dev.breakglass.testing.KaribuTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the passkey prompts say when the browser's ceremony does not succeed: no passkey support, a cancelled prompt,
 * a refused or unverifiable passkey. The ceremony itself runs in a real browser ({@code PasskeyBrowserTest}).
 */
class PasskeyPromptsUiTest extends KaribuTest {

    @Autowired
    PasskeyService passkeys;

    @Test
    void loginView_offersPasskeys_andSaysWhyAPasskeySignInDidNotHappen() {
        UI.getCurrent().navigate(LoginView.class);
        LoginView view = _get(LoginView.class);
        assertThat(_get(PasskeyButton.class, spec -> spec.withId("passkey-sign-in"))
                        .getText())
                .isEqualTo("Sign in with a passkey");
        assertThat(_find(Paragraph.class, spec -> spec.withId("passkey-problem")))
                .isEmpty();

        view.passkeyAnswered(new PasskeyScript.Result("unsupported", null));
        Paragraph problem = _get(Paragraph.class, spec -> spec.withId("passkey-problem"));
        assertThat(problem.getText())
                .isEqualTo("This browser cannot use passkeys. Use a current version of Chrome, Edge, Firefox or"
                        + " Safari, or sign in with your e-mail address and password.");
        assertThat(problem.isVisible()).isTrue();

        view.passkeyAnswered(new PasskeyScript.Result("cancelled", null));
        assertThat(problem.getText())
                .isEqualTo("The passkey prompt was closed or timed out. Nothing happened; try again when you are"
                        + " ready.");

        view.passkeyAnswered(new PasskeyScript.Result("rejected", null));
        assertThat(problem.getText())
                .isEqualTo("That passkey was not accepted. Try another passkey, or sign in with your e-mail address"
                        + " and password.");
    }

    @Test
    void usePasskey_thatDoesNotConfirm_saysSo_andDoesNotRunTheAction() {
        loginAs("alice@acme.test");
        AtomicBoolean confirmed = new AtomicBoolean();
        List<String> said = new ArrayList<>();
        UsePasskeyButton button = new UsePasskeyButton(passkeys, () -> confirmed.set(true));
        button.setProblemHandler(said::add);

        button.answered(new PasskeyScript.Result("cancelled", null));
        button.answered(new PasskeyScript.Result("ok", "{\"id\":\"forged\"}"));

        assertThat(said)
                .containsExactly(
                        "The passkey prompt was closed or timed out. Nothing happened; try again when you are ready.",
                        "That passkey did not confirm it is you. Try again, or confirm with your password.");
        assertThat(confirmed).isFalse();
    }
}
