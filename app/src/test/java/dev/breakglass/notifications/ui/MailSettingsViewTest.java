package dev.breakglass.notifications.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.breakglass.notifications.MailPreferences;
import dev.breakglass.testing.KaribuTest;
import org.junit.jupiter.api.Test;

/** The e-mail settings page: every member reaches it from the navigation and chooses for themselves only. */
class MailSettingsViewTest extends KaribuTest {

    @Test
    void member_optsInToCodeActivityMails_forThemselvesOnly() {
        loginAs("alice@acme.test");
        assertThat(_get(SideNavItem.class, spec -> spec.withId("nav-e-mail-notifications"))
                        .getPath())
                .isEqualTo("profile/notifications");
        UI.getCurrent().navigate("profile/notifications");
        // The shared test context configures no mail server: the page says so.
        assertThat(_get(Paragraph.class, spec -> spec.withId("mail-status")).getText())
                .startsWith("This server sends no e-mail yet");
        Checkbox codeActivity = _get(Checkbox.class, spec -> spec.withId("mail-code-activity"));
        assertThat(codeActivity.getValue()).isFalse();
        _setValue(codeActivity, true);
        _click(_get(Button.class, spec -> spec.withId("save-mail-settings")));

        MailPreferences preferences = context.getBean(MailPreferences.class);
        assertThat(preferences.codeActivity()).isTrue();
        loginAs("bob@acme.test");
        assertThat(preferences.codeActivity()).isFalse();
    }
}
