package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.workspace.MemberService;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Signing in with a passkey over HTTP, through the whole filter chain, as the browser's script does: Spring
 * Security's passkey endpoints are behind the CSRF check, and the session they open is a normal member session,
 * registered so that deactivating the member ends it at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PasskeySignInOverHttpTest {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    MemberService members;

    @Autowired
    WebAuthnRelyingPartyOperations relyingParty;

    @Autowired
    PasskeySettings settings;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void passkeyEndpoints_withoutTheCsrfToken_areRefused() throws Exception {
        Browser browser = new Browser();
        browser.get("/login");

        for (String path : List.of(
                "/webauthn/authenticate/options",
                "/login/webauthn",
                "/webauthn/register/options",
                "/webauthn/register")) {
            // Refused by the CSRF check: forbidden, or (Vaadin's handling, for a visitor not signed in) sent to sign
            // in.
            HttpResponse<String> refused = browser.post(path, null, "{}");
            assertThat(refused.statusCode()).as(path).isIn(302, 403);
            assertThat(refused.body()).as(path).doesNotContain("challenge");
        }
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void passkeySignIn_opensARegisteredMemberSession_thatDeactivationEnds() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember user = workspace.member(WorkspaceRole.USER);
        SoftwarePasskey key = SoftwarePasskey.registerFor(relyingParty, settings, signIn.as(user.email()), "Laptop");
        signIn.out();

        Browser browser = new Browser();
        String[] csrf = browser.csrf(browser.get("/login").body());
        HttpResponse<String> options = browser.post("/webauthn/authenticate/options", csrf, null);
        assertThat(options.statusCode()).isEqualTo(200);
        JsonNode request = json.readTree(options.body());
        assertThat(request.get("userVerification").asText()).isEqualTo("required");

        HttpResponse<String> signedIn = browser.post(
                "/login/webauthn", csrf, key.assertion(request.get("challenge").asText(), true));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(json.readTree(signedIn.body()).get("authenticated").asBoolean())
                .isTrue();
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        signIn.as(workspace.member(WorkspaceRole.ADMIN).email());
        members.deactivate(user.userId());

        HttpResponse<String> after = browser.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).get().asString().endsWith("/login");
    }

    @Test
    void passkeySignIn_withAStaleChallenge_isRefused() throws Exception {
        TestMember user = fixtures.newWorkspace().member(WorkspaceRole.USER);
        SoftwarePasskey key = SoftwarePasskey.registerFor(relyingParty, settings, signIn.as(user.email()), "Laptop");
        signIn.out();
        Browser browser = new Browser();
        String[] csrf = browser.csrf(browser.get("/login").body());
        String first = json.readTree(browser.post("/webauthn/authenticate/options", csrf, null)
                        .body())
                .get("challenge")
                .asText();
        browser.post("/webauthn/authenticate/options", csrf, null);

        assertThat(browser.post("/login/webauthn", csrf, key.assertion(first, true))
                        .statusCode())
                .isEqualTo(401);
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
    }

    /** One browser: its cookies, no redirects followed. */
    private class Browser {

        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String[] csrf, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .POST(
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (csrf != null) {
                request.header(csrf[0], csrf[1]);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The CSRF header name and token Vaadin's page carries for scripts. */
        String[] csrf(String page) {
            String header = null;
            String token = null;
            Matcher meta = META.matcher(page);
            while (meta.find()) {
                if ("_csrf_header".equals(meta.group(1))) {
                    header = meta.group(2);
                } else {
                    token = meta.group(2);
                }
            }
            assertThat(header).as("the page's CSRF header name").isNotNull();
            assertThat(token).as("the page's CSRF token").isNotNull();
            return new String[] {header, token};
        }
    }
}
