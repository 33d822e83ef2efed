package dev.breakglass.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import dev.breakglass.testing.KaribuTest;
import org.junit.jupiter.api.Test;

/** The frame of every signed-in page: one main landmark with the page's h1, a skip link, and a drawer that signs out. */
class MainLayoutUiTest extends KaribuTest {

    @Test
    void thePage_isInsideTheMainLandmark_whichTheSkipLinkLeadsTo() {
        loginAs("alice@acme.test");

        Main main = _get(Main.class, spec -> spec.withId(MainLayout.MAIN_ID));
        assertThat(_get(main, H1.class, spec -> spec.withText("Accounts"))).isNotNull();
        assertThat(_get(Anchor.class, spec -> spec.withId("skip-to-content")).getHref())
                .isEqualTo("#" + MainLayout.MAIN_ID);
        assertThat(main.getElement().getAttribute("tabindex")).isEqualTo("-1");
    }

    @Test
    void theDrawer_namesWhoIsSignedIn_andSignsOut_forAPhoneWhoseHeaderHasNoRoom() {
        loginAs("owner@acme.test");

        assertThat(_get(Span.class, spec -> spec.withId("drawer-signed-in-user"))
                        .getText())
                .isEqualTo("Olivia Owner · Workspace owner");
        assertThat(_get(Button.class, spec -> spec.withId("drawer-sign-out")).getText())
                .isEqualTo("Sign out");
        assertThat(_get(Button.class, spec -> spec.withId("sign-out")).isVisible())
                .isTrue();
    }
}
