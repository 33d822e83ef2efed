package dev.breakglass.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.Application;
import dev.breakglass.account.AccountService;
import dev.breakglass.database.ClusterMessages;
import dev.breakglass.notifications.NotificationCenter;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two instances behind Debian's HAProxy, run with the very configuration the deployment guide ships
 * (docs/deployment/haproxy.cfg, only its ports changed): a browser signed in through the proxy stays on its
 * instance, and a notification caused on the other instance reaches its open page at once, pushed through the
 * proxy (WebSocket, or long polling where that fails).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadBalancerPushBrowserTest {

    static final Path HAPROXY = Path.of(System.getenv().getOrDefault("HAPROXY_BIN", "/usr/sbin/haproxy"));
    static final Path CONFIG = Path.of("..", "docs", "deployment", "haproxy.cfg");

    @LocalServerPort
    int portA;

    @Autowired
    Environment settings;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    AccountService accounts;

    ConfigurableApplicationContext instanceB;
    Process haproxy;
    ChromeDriver browser;

    @AfterEach
    void stopAll() {
        if (browser != null) {
            Chromium.screenshot(browser, "load-balancer-last");
            browser.quit();
        }
        if (haproxy != null) {
            haproxy.destroy();
        }
        if (instanceB != null) {
            instanceB.close();
        }
        signIn.out();
    }

    @Test
    void aNotificationOnTheOtherInstance_isPushedThroughHaproxy_toTheOpenPage() throws Exception {
        requireHaproxy();
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
        int portB = Integer.parseInt(instanceB.getEnvironment().getProperty("local.server.port"));
        int proxyPort = freePort();
        haproxy = startHaproxy(proxyPort, portA, portB);
        String proxy = "http://localhost:" + proxyPort;
        awaitReady(proxy);

        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember remover = workspace.member(WorkspaceRole.USER);
        TestMember watcher = workspace.addMember("watching owner", WorkspaceRole.USER);
        UUID account = workspace.addAccount(
                "Shared account", Map.of(remover.userId(), AccountRole.OWNER, watcher.userId(), AccountRole.OWNER));

        browser = Chromium.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        Chromium.signIn(browser, wait, proxy + "/", watcher.email(), RoleFixtures.PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
        String node = browser.manage().getCookieNamed("BGNODE").getValue();
        assertThat(node).as("HAProxy's sticky cookie").isIn("a", "b");
        assertThat(browser.findElements(By.id("unread-count"))).isEmpty();

        // The change is made on the instance the browser is NOT on: the bell must travel by LISTEN/NOTIFY to its
        // instance, then by server push through the proxy.
        awaitListening(instanceB.getBean(ClusterMessages.class));
        if (node.equals("a")) {
            instanceB.getBean(SignIn.class).as(remover.email());
            try {
                instanceB.getBean(AccountService.class).removeAccount(account, "Shared account");
            } finally {
                instanceB.getBean(SignIn.class).out();
            }
        } else {
            signIn.as(remover.email());
            accounts.removeAccount(account, "Shared account");
        }

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unread-count"), "1"));
        assertThat(browser.manage().getCookieNamed("BGNODE").getValue())
                .as("still on its instance")
                .isEqualTo(node);
    }

    private static void requireHaproxy() {
        if (!Files.isExecutable(HAPROXY)) {
            String message =
                    "The load balancer test needs " + HAPROXY + " (Debian package haproxy; .ci/run installs it).";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("\n*** SKIPPING THE LOAD BALANCER TEST *** " + message + "\n");
            Assumptions.abort(message);
        }
    }

    /** The documented configuration with this test's ports: the frontend's and the two servers'. */
    private static Process startHaproxy(int proxyPort, int portA, int portB) throws IOException {
        String documented = Files.readString(CONFIG, StandardCharsets.UTF_8);
        String config = documented
                .replace("bind :8000", "bind 127.0.0.1:" + proxyPort)
                .replace("127.0.0.1:8081", "127.0.0.1:" + portA)
                .replace("127.0.0.1:8082", "127.0.0.1:" + portB);
        assertThat(config).as("the ports of the documented file were found").doesNotContain(":8000", ":8081", ":8082");
        Path file = Files.createTempFile("breakglass-haproxy", ".cfg");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        return new ProcessBuilder(HAPROXY.toString(), "-db", "-f", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        Path.of("target", "haproxy.log").toFile()))
                .start();
    }

    private static void awaitReady(String proxy) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                var response = client.send(
                        HttpRequest.newBuilder(URI.create(proxy + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // HAProxy is still starting
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("HAProxy did not answer on " + proxy + " (see app/target/haproxy.log)");
            }
            Thread.sleep(200);
        }
    }

    private static void awaitListening(ClusterMessages cluster) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!cluster.isListening(NotificationCenter.CHANNEL) && System.nanoTime() < until) {
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
