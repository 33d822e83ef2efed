package dev.breakglass.workspace;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static dev.breakglass.db.Tables.WORKSPACE;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import dev.breakglass.testing.CommandLine;
import dev.breakglass.testing.EmptyDatabaseTest;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.SignIn;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.core.GrantedAuthority;

/**
 * The first-run page on a database without any workspace: found only with the setup token from the server log,
 * it creates the first workspace and its Owner once, and is gone for good afterwards.
 */
@EmptyDatabaseTest
class FirstRunViewTest extends KaribuTest {

    @Autowired
    FirstRun firstRun;

    @Autowired
    SignIn signIn;

    @Autowired
    Environment settings;

    String token;

    @Autowired
    DSLContext db;

    @BeforeEach
    void emptyDatabase() {
        fixtures.removeAllWorkspaces();
        token = firstRun.newToken();
    }

    @Test
    void withoutTheToken_orWithAWrongOne_thePageIsNotFound() {
        assertNotFound("first-run");
        assertNotFound("first-run/" + token.substring(1));
        assertNotFound("first-run/" + token + "x");
    }

    @Test
    void withTheToken_createsTheWorkspaceAndItsOwner_thenThePageIsGone() {
        UI.getCurrent().navigate("first-run/" + token);
        _setValue(_get(TextField.class, spec -> spec.withId("workspace-name")), "Initech");
        _setValue(_get(TextField.class, spec -> spec.withId("owner-name")), "Peter Gibbons");
        _setValue(_get(EmailField.class, spec -> spec.withId("owner-email")), "peter@initech.test");
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("new-password"));
        PasswordField repeated = _get(PasswordField.class, spec -> spec.withId("repeat-password"));
        _setValue(password, "password1234");
        _setValue(repeated, "password1234");
        _click(_get(Button.class, spec -> spec.withId("create-workspace")));
        assertThat(password.getErrorMessage()).contains("too easy to guess");
        assertThat(firstRun.accepts(token))
                .as("nothing saved, the token still works")
                .isTrue();

        _setValue(password, "velvet lantern orbit");
        _setValue(repeated, "velvet lantern orbit");
        _click(_get(Button.class, spec -> spec.withId("create-workspace")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("first-run-result"))
                        .getText())
                .isEqualTo(
                        "Your workspace Initech is ready. Sign in with peter@initech.test and the password you chose.");
        assertThat(signIn.as("peter@initech.test").getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_OWNER");
        signIn.out();
        assertThat(firstRun.accepts(token)).isFalse();
        assertNotFound("first-run/" + token);
    }

    @Test
    void wrongInput_isShownUnderItsField_andNothingIsLost() {
        UI.getCurrent().navigate("first-run/" + token);
        TextField name = _get(TextField.class, spec -> spec.withId("workspace-name"));
        _setValue(_get(TextField.class, spec -> spec.withId("owner-name")), "Peter Gibbons");
        _setValue(_get(EmailField.class, spec -> spec.withId("owner-email")), "peter@initech.test");
        _setValue(_get(PasswordField.class, spec -> spec.withId("new-password")), "velvet lantern orbit");
        _setValue(_get(PasswordField.class, spec -> spec.withId("repeat-password")), "velvet lantern orbiT");
        _click(_get(Button.class, spec -> spec.withId("create-workspace")));
        assertThat(_get(PasswordField.class, spec -> spec.withId("repeat-password"))
                        .getErrorMessage())
                .isEqualTo("The two passwords are not the same.");

        _setValue(_get(PasswordField.class, spec -> spec.withId("repeat-password")), "velvet lantern orbit");
        _click(_get(Button.class, spec -> spec.withId("create-workspace")));

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Enter the workspace's name, up to 200 characters.");
        assertThat(_get(EmailField.class, spec -> spec.withId("owner-email")).getValue())
                .isEqualTo("peter@initech.test");
        assertThat(firstRun.accepts(token)).isTrue();
    }

    @Test
    void onceAWorkspaceExists_fromTheCommandLine_thePageIsNotFound() {
        assertThat(CommandLine.createWorkspace(
                                settings,
                                "--name",
                                "Initech",
                                "--owner-email",
                                "peter@initech.test",
                                "--owner-name",
                                "Peter Gibbons")
                        .exitCode())
                .isZero();

        assertNotFound("first-run/" + token);
        assertThatThrownBy(() -> firstRun.createFirstWorkspace(
                        token, "Initrode", "Bill Lumbergh", "bill@initrode.test", "velvet lantern orbit"))
                .isInstanceOf(dev.breakglass.security.NotFoundException.class);
    }

    @Test
    void twoPeopleAtOnce_onlyOneCreatesTheFirstWorkspace() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> attempts = List.of(1, 2).stream()
                    .map(n -> pool.submit(() -> {
                        start.await();
                        try {
                            firstRun.createFirstWorkspace(
                                    token,
                                    "Team " + n,
                                    "Person " + n,
                                    "person" + n + "@initech.test",
                                    "velvet lantern orbit");
                            return true;
                        } catch (dev.breakglass.security.NotFoundException e) {
                            return false;
                        }
                    }))
                    .toList();
            start.countDown();

            assertThat(List.of(
                            attempts.get(0).get(30, TimeUnit.SECONDS),
                            attempts.get(1).get(30, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(true, false);
            assertThat(db.fetchCount(WORKSPACE))
                    .as("exactly one first workspace")
                    .isEqualTo(1);
            assertThat(db.fetchCount(WORKSPACE_MEMBER)).as("and its one Owner").isEqualTo(1);
            assertThat(firstRun.accepts(token)).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void loginPage_saysNoWorkspaceExists_onlyWhileNoneDoes() {
        UI.getCurrent().navigate("login");
        Paragraph notice = _get(Paragraph.class, spec -> spec.withId("sign-in-notice"));
        assertThat(notice.getText())
                .isEqualTo("No workspace exists yet. Open the first-run link from the server log "
                        + "to create yours, or run create-workspace.")
                .doesNotContain(token);

        firstRun.createFirstWorkspace(token, "Initech", "Peter Gibbons", "peter@initech.test", "velvet lantern orbit");
        UI.getCurrent().navigate("login");

        assertThat(_find(Paragraph.class, spec -> spec.withId("sign-in-notice")))
                .isEmpty();
    }

    /**
     * The page is not found: the view reroutes to Vaadin's not-found error. (Karibu's not-found view throws instead
     * of rendering, so Vaadin shows its internal-error view in its place; FirstRunBrowserTest compares the real
     * answer with that for an address that never existed, and the web security sends someone not signed in to the
     * sign-in page for both.)
     */
    /** The page answers exactly as an address that never existed does (for this visitor, signed in or not). */
    private static void assertNotFound(String location) {
        open("no-such-page-anywhere");
        Class<?> unknownAddress = currentView();

        open(location);

        assertThat(currentView()).isEqualTo(unknownAddress);
        assertThat(_find(TextField.class, spec -> spec.withId("workspace-name")))
                .isEmpty();
    }

    /** Opens an address as a page load does (UI.navigate would leave an unknown address to the browser). */
    private static void open(String location) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location(location), NavigationTrigger.PAGE_LOAD);
    }

    private static Class<?> currentView() {
        return UI.getCurrent()
                .getInternals()
                .getActiveRouterTargetsChain()
                .get(0)
                .getClass();
    }
}
