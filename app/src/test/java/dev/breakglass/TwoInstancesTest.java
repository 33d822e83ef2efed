package dev.breakglass;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static dev.breakglass.db.Tables.LOGIN_THROTTLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.breakglass.account.AccountService;
import dev.breakglass.database.ClusterMessages;
import dev.breakglass.notifications.NotificationCenter;
import dev.breakglass.password.PasswordService;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.workspace.MemberService;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kotlin.jvm.functions.Function0;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Two instances of Breakglass on one PostgreSQL: this test's web application (A, the context the other HTTP tests
 * share) and a second one started beside it on its own port (B), with the same database and data directory, as two
 * servers behind a load balancer. Shows that sign-in throttling is shared, a scheduled job runs on one of them only,
 * a notification caused on A reaches a page open on B at once, and deactivating a member or a new password on A
 * ends their sessions on both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoInstancesTest {

    private static ConfigurableApplicationContext instanceB;

    @LocalServerPort
    int portA;

    @Autowired
    Environment settings;

    @Autowired
    ApplicationContext instanceA;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    MemberService members;

    @Autowired
    AccountService accounts;

    @Autowired
    DSLContext db;

    @Autowired
    PasswordService passwords;

    @BeforeEach
    void startInstanceB() {
        if (instanceB == null) {
            instanceB = new SpringApplicationBuilder(Application.class)
                    .properties(Map.of(
                            "server.port", "0",
                            "spring.datasource.url", settings.getProperty("spring.datasource.url"),
                            "spring.datasource.username", settings.getProperty("spring.datasource.username"),
                            "spring.datasource.password", settings.getProperty("spring.datasource.password", ""),
                            "breakglass.data-dir", settings.getProperty("breakglass.data-dir"),
                            "breakglass.demo", "false",
                            "spring.main.banner-mode", "off"))
                    .run();
        }
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    @Test
    void wrongPasswordsOnOneInstance_holdBackTheRightOneOnTheOther() throws Exception {
        TestMember user = fixtures.newWorkspace().member(WorkspaceRole.USER);
        Browser onA = new Browser(portA);
        for (int i = 0; i < 6; i++) {
            assertThat(onA.signIn(user.email(), "wrong-" + i)).isEqualTo("/login?error");
        }

        assertThat(new Browser(portB()).signIn(user.email(), RoleFixtures.PASSWORD))
                .isEqualTo("/login?error");
    }

    @Test
    void aScheduledJob_runsOnOneInstance_whileItsLockIsHeld() {
        Object throttleA = instanceA.getBean("loginThrottle");
        Object throttleB = instanceB.getBean("loginThrottle");
        releaseLock();

        String first = addOldSignInCount();
        ReflectionTestUtils.invokeMethod(throttleA, "forgetOldCounts");
        assertThat(signInCountExists(first)).isFalse();

        String second = addOldSignInCount();
        ReflectionTestUtils.invokeMethod(throttleB, "forgetOldCounts");
        ReflectionTestUtils.invokeMethod(throttleA, "forgetOldCounts");
        assertThat(signInCountExists(second))
                .as("the run on A holds the job's lock for at least a minute: neither instance runs it again")
                .isTrue();
        releaseLock();
        ReflectionTestUtils.invokeMethod(throttleB, "forgetOldCounts");
        assertThat(signInCountExists(second)).isFalse();
    }

    @Test
    void aNotificationCausedOnA_reachesTheBellOfAPageOpenOnB() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember remover = workspace.member(WorkspaceRole.USER);
        TestMember watcher = workspace.addMember("watching owner", WorkspaceRole.USER);
        UUID account = workspace.addAccount(
                "Shared account", Map.of(remover.userId(), AccountRole.OWNER, watcher.userId(), AccountRole.OWNER));
        awaitTrue(() -> instanceB.getBean(ClusterMessages.class).isListening(NotificationCenter.CHANNEL));
        Locale.setDefault(Locale.ENGLISH);
        Routes routes = new Routes().autoDiscoverViews("dev.breakglass");
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, instanceB, uiFactory));
        try {
            signInOnPage(watcher.email());
            UI.getCurrent().navigate("");
            assertThat(_find(Span.class, spec -> spec.withId("unread-count")))
                    .as("no unread notifications: the count is hidden")
                    .isEmpty();

            signIn.as(remover.email());
            accounts.removeAccount(account, "Shared account");
            instanceB.getBean(SignIn.class).as(watcher.email());

            awaitTrue(() -> {
                MockVaadin.clientRoundtrip();
                return _find(Span.class, spec -> spec.withId("unread-count")).stream()
                        .anyMatch(unread -> unread.getText().equals("1"));
            });
        } finally {
            MockVaadin.tearDown();
        }
    }

    @Test
    void deactivatingAMemberOnA_endsTheirSessionsOnBothInstances() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember leaving = workspace.member(WorkspaceRole.USER);
        Browser onA = new Browser(portA);
        Browser onB = new Browser(portB());
        assertThat(onA.signIn(leaving.email(), RoleFixtures.PASSWORD)).isEqualTo("/");
        assertThat(onB.signIn(leaving.email(), RoleFixtures.PASSWORD)).isEqualTo("/");
        assertThat(onB.get("/").statusCode()).isEqualTo(200);
        awaitTrue(() -> instanceB.getBean(ClusterMessages.class).isListening("breakglass_end_sessions"));

        signIn.as(workspace.member(WorkspaceRole.ADMIN).email());
        members.deactivate(leaving.userId());

        assertThat(onA.get("/").statusCode()).isEqualTo(302);
        awaitTrue(() -> onB.get("/").statusCode() == 302);
        assertThat(onB.get("/").headers().firstValue("Location"))
                .get()
                .asString()
                .endsWith("/login");
    }

    /** Signs in on instance B's mocked page, as KaribuTest does after a real login. */
    @Test
    void aPasswordChangedOnA_endsTheMembersSessionsOnB() throws Exception {
        TestMember member = fixtures.newWorkspace().member(WorkspaceRole.USER);
        Browser onA = new Browser(portA);
        Browser onB = new Browser(portB());
        assertThat(onA.signIn(member.email(), RoleFixtures.PASSWORD)).isEqualTo("/");
        assertThat(onB.signIn(member.email(), RoleFixtures.PASSWORD)).isEqualTo("/");
        assertThat(onB.get("/").statusCode()).isEqualTo(200);
        awaitTrue(() -> instanceB.getBean(ClusterMessages.class).isListening("breakglass_password_changed"));

        signIn.asConfirmed(member.email());
        passwords.changeOwnPassword(RoleFixtures.PASSWORD, "a fresh and rather long pass phrase 4417");

        assertThat(onA.get("/").statusCode()).isEqualTo(302);
        awaitTrue(() -> onB.get("/").statusCode() == 302);
        assertThat(new Browser(portB()).signIn(member.email(), "a fresh and rather long pass phrase 4417"))
                .isEqualTo("/");
    }

    private static void signInOnPage(String email) {
        Authentication authentication = instanceB.getBean(SignIn.class).as(email);
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toSet());
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> roles.contains(role));
    }

    /** As if the lock's time were up: the next run on either instance takes it. */
    private void releaseLock() {
        db.execute("UPDATE shedlock SET lock_until = timezone('utc', now()) - interval '1 minute'"
                + " WHERE name = 'forget-old-sign-in-counts'");
    }

    private int portB() {
        return Integer.parseInt(instanceB.getEnvironment().getProperty("local.server.port"));
    }

    private String addOldSignInCount() {
        String key = UUID.randomUUID().toString().replace("-", "");
        db.insertInto(LOGIN_THROTTLE, LOGIN_THROTTLE.KEY_HASH, LOGIN_THROTTLE.FAILURES, LOGIN_THROTTLE.LAST_ATTEMPT_AT)
                .values(key, 3, OffsetDateTime.now(ZoneOffset.UTC).minusDays(2))
                .execute();
        return key;
    }

    private boolean signInCountExists(String key) {
        return db.fetchExists(LOGIN_THROTTLE, LOGIN_THROTTLE.KEY_HASH.eq(key));
    }

    /** Waits up to ten seconds for something another instance does when a message reaches it. */
    private static void awaitTrue(ThrowingCondition condition) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(condition.holds()).as("within ten seconds").isTrue();
    }

    private interface ThrowingCondition {
        boolean holds() throws Exception;
    }

    /** Keeps cookies like a browser and does not follow redirects; one instance's address. */
    private static final class Browser {

        private final int port;
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        Browser(int port) {
            this.port = port;
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Posts the login form; answers where the server sends the browser, without the host. */
        String signIn(String email, String password) throws Exception {
            get("/login");
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.headers().firstValue("Location").orElse("").replace("http://localhost:" + port, "");
        }
    }
}
