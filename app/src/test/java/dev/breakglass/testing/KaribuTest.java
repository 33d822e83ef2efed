package dev.breakglass.testing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.RouterLinkKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Drives the real views and services in a mocked browser, against a real PostgreSQL with the demo data.
 * Every test starts with no saved codes.
 */
@SpringBootTest
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected Fixtures fixtures;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected SignIn signIn;

    @BeforeAll
    static void discoverRoutes() {
        Locale.setDefault(Locale.ENGLISH);
        routes = new Routes().autoDiscoverViews("dev.breakglass");
    }

    @BeforeEach
    void setUpVaadin() {
        fixtures.forgetAllCodes();
        clock.reset();
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        signIn.out();
        MockVaadin.tearDown();
    }

    /** Signs in as a demo member and opens the start page, as after a real login (which is no step-up). */
    protected void loginAs(String email) {
        login(signIn.as(email));
    }

    /**
     * Signs in as a demo member who confirmed it is them just now, for tests about what View codes and Use next code
     * do after the step-up; tests of the step-up use {@link #loginAs} and the Confirm it is you dialog.
     */
    protected void loginConfirmedAs(String email) {
        login(signIn.asConfirmed(email));
    }

    /** Opens the start page for this authentication, as the browser would after a sign-in. */
    protected void login(Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toSet());
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> roles.contains(role));
        UI.getCurrent().navigate("");
    }

    /** The account cards on the Accounts page, by label, in the order shown. */
    /** Every row of the grid with this id, each cell as the grid formats it. */
    protected static List<List<String>> gridRows(String gridId) {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(gridId));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._getFormattedRow(grid, i));
        }
        return rows;
    }

    protected static List<String> cardLabels() {
        return _find(RouterLink.class, spec -> spec.withClasses("account-card")).stream()
                .map(card -> card.getElement().getAttribute("data-label"))
                .toList();
    }

    /** The card of the account with this label on the Accounts page. */
    protected static RouterLink accountCard(String label) {
        return _get(RouterLink.class, spec -> spec.withClasses("account-card").withAttribute("data-label", label));
    }

    /** Clicks the account's card, which opens its details page on the Settings tab. */
    protected static void openAccount(String label) {
        RouterLinkKt._click(accountCard(label));
    }

    /** Opens the account and expands Emergency controls at the bottom of its Settings tab. */
    protected static void openEmergencyControls(String label) {
        openAccount(label);
        _get(Details.class, spec -> spec.withId("emergency-controls")).setOpened(true);
    }
}
