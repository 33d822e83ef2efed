package dev.breakglass.workspace.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.breakglass.password.ui.ChangePasswordView;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.RoleFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Any member changes their own password; a wrong current password changes nothing and keeps what they typed. */
class ChangePasswordViewTest extends KaribuTest {

    @Autowired
    RoleFixtures roles;

    @Test
    void loginOnlyMember_changesTheirPassword() {
        loginAs(roles.newWorkspace().member(WorkspaceRole.LOGIN_ONLY).email());
        UI.getCurrent().navigate(ChangePasswordView.class);
        PasswordField current = _get(PasswordField.class, spec -> spec.withId("current-password"));
        PasswordField chosen = _get(PasswordField.class, spec -> spec.withId("new-password"));
        PasswordField repeated = _get(PasswordField.class, spec -> spec.withId("repeat-password"));

        _setValue(current, "not it at all");
        _setValue(chosen, "velvet lantern orbit");
        _setValue(repeated, "velvet lantern orbit");
        _click(_get(Button.class, spec -> spec.withId("change-password")));
        assertThat(current.getErrorMessage()).isEqualTo("That is not your current password. Nothing was changed.");
        assertThat(chosen.getValue()).isEqualTo("velvet lantern orbit");

        _setValue(current, RoleFixtures.PASSWORD);
        _click(_get(Button.class, spec -> spec.withId("change-password")));
        NotificationsKt.expectNotifications("Your password was changed.");
        assertThat(chosen.getValue()).isEmpty();
    }
}
