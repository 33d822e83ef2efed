package dev.breakglass.password;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.workspace.MemberService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A new member opens their link without signing in, chooses a password, and the link is used up. */
class SetPasswordViewTest extends KaribuTest {

    @Autowired
    RoleFixtures roles;

    @Autowired
    MemberService members;

    @Autowired
    SignIn signIn;

    @Test
    void newMember_choosesAPassword_once() {
        TestWorkspace workspace = roles.newWorkspace();
        signIn.as(workspace.member(WorkspaceRole.ADMIN).email());
        String path = members.add("pia@ws" + workspace.number() + ".test", "Pia Paper", WorkspaceRole.USER)
                .link()
                .path();
        signIn.out();

        UI.getCurrent().navigate(path);
        PasswordField chosen = _get(PasswordField.class, spec -> spec.withId("new-password"));
        PasswordField repeated = _get(PasswordField.class, spec -> spec.withId("repeat-password"));
        _setValue(chosen, "password1234");
        _setValue(repeated, "password1234");
        _click(_get(Button.class, spec -> spec.withId("set-password")));
        assertThat(chosen.getErrorMessage()).contains("too easy to guess");
        assertThat(chosen.getValue()).isEqualTo("password1234");

        _setValue(chosen, "velvet lantern orbit");
        _setValue(repeated, "velvet lantern orbiT");
        _click(_get(Button.class, spec -> spec.withId("set-password")));
        assertThat(repeated.getErrorMessage()).contains("not the same");

        _setValue(repeated, "velvet lantern orbit");
        _click(_get(Button.class, spec -> spec.withId("set-password")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("set-password-result"))
                        .getText())
                .isEqualTo("Your password is set.");

        UI.getCurrent().navigate(path);
        assertThat(_get(Paragraph.class, spec -> spec.withId("set-password-result"))
                        .getText())
                .contains("expired or was used");
    }
}
