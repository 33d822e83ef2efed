package dev.breakglass.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import dev.breakglass.testing.KaribuTest;
import org.junit.jupiter.api.Test;

/** Members of the demo workspace, whose password is published, see it said in the header of every page. */
class DemoWarningUiTest extends KaribuTest {

    @Test
    void membersOfTheDemoWorkspace_areWarnedInTheHeader() {
        loginAs("alice@acme.test");

        assertThat(_get(Span.class, spec -> spec.withId("demo-warning")).getText())
                .isEqualTo("Demo workspace: never keep real codes here");
    }

    @Test
    void membersOfAnotherWorkspace_seeNoDemoWarning() {
        loginAs(fixtures.otherWorkspaceOwner());

        assertThat(_find(Span.class, spec -> spec.withId("demo-warning"))).isEmpty();
    }
}
