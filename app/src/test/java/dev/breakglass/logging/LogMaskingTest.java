package dev.breakglass.logging;

import static dev.breakglass.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With every logger at DEBUG (jOOQ then prints the rows it fetches, Spring Security and Tomcat their requests), a real
 * sign-in over HTTP leaves neither the password, nor its hash, nor the session cookie in the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest {

    @LocalServerPort
    int port;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    DSLContext db;

    @Test
    void atDebug_aSignIn_logsNoPasswordHashOrSessionCookie(CapturedOutput output) throws Exception {
        TestMember member = fixtures.newWorkspace().member(WorkspaceRole.USER);
        String hash = db.select(APP_USER.PASSWORD_HASH)
                .from(APP_USER)
                .where(APP_USER.ID.eq(member.userId()))
                .fetchSingle(APP_USER.PASSWORD_HASH);
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        try {
            String form = "username=" + URLEncoder.encode(member.email(), StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(RoleFixtures.PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/");
            client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            root.setLevel(before);
        }

        String session = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow();
        assertThat(output.getOut()).as("DEBUG was on").contains("DEBUG");
        String salt = hash.split("\\$")[4];
        assertThat(output.getAll())
                .doesNotContain(RoleFixtures.PASSWORD)
                .doesNotContain("$argon2id$")
                .doesNotContain(salt.substring(0, 8))
                .doesNotContain(session);
    }
}
