package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServlet;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;

/**
 * The real sign-in over HTTP, through the filter chain: the session it opens is registered, so deactivating
 * the member ends it at once; and repeated wrong passwords hold back even the right one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInOverHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    MemberService members;

    @Autowired
    SignIn signIn;

    @Autowired
    ApplicationContext context;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void deactivation_endsAnOpenSession_atOnce() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember user = workspace.member(WorkspaceRole.USER);
        Browser browser = new Browser();
        assertThat(browser.signIn(user.email(), RoleFixtures.PASSWORD).headers().firstValue("Location"))
                .hasValue(url("/"));
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        signIn.as(workspace.member(WorkspaceRole.ADMIN).email());
        members.deactivate(user.userId());

        HttpResponse<String> after = browser.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).get().asString().endsWith("/login");
        assertThat(new Browser()
                        .signIn(user.email(), RoleFixtures.PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .hasValue(url("/login?error"));
    }

    @Test
    void aSuccessfulPasswordSignIn_isAudited_withTheClientsAddress_andNoPassword() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember user = workspace.member(WorkspaceRole.USER);

        assertThat(new Browser()
                        .signIn(user.email(), RoleFixtures.PASSWORD)
                        .headers()
                        .firstValue("Location"))
                .hasValue(url("/"));

        assertThat(fixtures.lastAuditAction(workspace.id())).isEqualTo("LOGIN_SUCCEEDED");
        assertThat(fixtures.auditDetails(workspace.id(), "LOGIN_SUCCEEDED"))
                .contains("127.0.0.1")
                .contains("\"withCode\": false")
                .doesNotContain(RoleFixtures.PASSWORD);
    }

    @Test
    void sixWrongPasswords_thenTheRightOne_isStillRefused_withTheSameAnswer() throws Exception {
        TestMember user = fixtures.newWorkspace().member(WorkspaceRole.USER);
        Browser browser = new Browser();
        for (int i = 0; i < 6; i++) {
            assertThat(browser.signIn(user.email(), "wrong-" + i).headers().firstValue("Location"))
                    .hasValue(url("/login?error"));
        }

        assertThat(browser.signIn(user.email(), RoleFixtures.PASSWORD).headers().firstValue("Location"))
                .hasValue(url("/login?error"));
    }

    @Test
    void aSignInPostedFromAnotherSite_isRefused_butNotFromThisOne() throws Exception {
        TestMember user = fixtures.newWorkspace().member(WorkspaceRole.USER);

        Browser elsewhere = new Browser();
        // A modern browser says the form came from another site; an older one names the other site's origin.
        assertThat(elsewhere
                        .signIn(user.email(), RoleFixtures.PASSWORD, "Sec-Fetch-Site", "cross-site")
                        .statusCode())
                .isEqualTo(403);
        assertThat(elsewhere
                        .signIn(user.email(), RoleFixtures.PASSWORD, "Origin", "https://attacker.example")
                        .statusCode())
                .isEqualTo(403);
        assertThat(elsewhere.get("/").statusCode()).isEqualTo(302);

        assertThat(new Browser()
                        .signIn(user.email(), RoleFixtures.PASSWORD, "Sec-Fetch-Site", "same-origin")
                        .headers()
                        .firstValue("Location"))
                .hasValue(url("/"));
        assertThat(new Browser()
                        .signIn(user.email(), RoleFixtures.PASSWORD, "Origin", "http://localhost:" + port)
                        .headers()
                        .firstValue("Location"))
                .hasValue(url("/"));
    }

    @Test
    void aHugeBody_isRefusedBeforeItIsRead_evenWithoutSigningIn() throws Exception {
        byte[] fiveMegabytes = new byte[5 * 1024 * 1024];
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url("/?v-r=uidl&v-uiId=0")))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(fiveMegabytes))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Keeps cookies like a browser, and does not follow redirects, so the test sees where it is sent. */
    /**
     * An open tab does not keep its session alive: the UI's heartbeat is not counted as use, so a session idle for
     * the session timeout ends even while its page stays open (issue #12, item 9).
     */
    @Test
    void theHeartbeatOfAnOpenTab_doesNotKeepTheSessionAlive() throws Exception {
        assertThat(new Browser().get("/login").statusCode()).isEqualTo(200);

        VaadinServlet servlet = context.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .map(ServletRegistrationBean::getServlet)
                .filter(VaadinServlet.class::isInstance)
                .map(VaadinServlet.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(servlet.getService().getDeploymentConfiguration().isCloseIdleSessions())
                .isTrue();
    }

    private final class Browser {

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> signIn(String email, String password) throws Exception {
            return signIn(email, password, null, null);
        }

        /** Posts the login form with one header a browser adds about where the form came from, or none. */
        HttpResponse<String> signIn(String email, String password, String header, String value) throws Exception {
            get("/login");
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (header != null) {
                post.header(header, value);
            }
            return client.send(post.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
