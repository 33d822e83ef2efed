package dev.breakglass.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import dev.breakglass.testing.KaribuTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Unknown, denied and not-found-by-a-service addresses all show the same page, inside the app's frame. */
class NotFoundPageUiTest extends KaribuTest {

    @Test
    void unknownAddress_showsTheNotFoundPage_insideTheMainLayout_withATitle() {
        loginAs("alice@acme.test");

        // As a browser opening the address (UI.navigate would leave an unknown address to the client-side router).
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location("no-such-page"), NavigationTrigger.PAGE_LOAD);

        assertNotFoundPage();
    }

    @Test
    void pageTheMemberMayNotOpen_looksExactlyLikeNotFound() {
        loginAs("alice@acme.test");

        UI.getCurrent().navigate("admin/plugins");

        assertNotFoundPage();
    }

    @Test
    void accountTheServiceDoesNotFind_looksExactlyLikeNotFound() {
        loginAs("alice@acme.test");

        UI.getCurrent().navigate("accounts/" + UUID.randomUUID());

        assertNotFoundPage();
    }

    @Test
    void accountNotSharedWithTheMember_looksExactlyLikeNotFound() {
        loginAs("bob@acme.test");

        UI.getCurrent().navigate("accounts/" + fixtures.accountId("Google Workspace"));

        assertNotFoundPage();
    }

    private static void assertNotFoundPage() {
        Div page = _get(Div.class, spec -> spec.withId("not-found"));
        assertThat(page.getElement().getTextRecursively())
                .startsWith("Page not found")
                .doesNotContain("Could not navigate");
        assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("Page not found · Breakglass");
        assertThat(_find(MainLayout.class)).hasSize(1);
    }
}
