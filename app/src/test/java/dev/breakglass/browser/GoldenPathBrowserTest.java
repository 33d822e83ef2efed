package dev.breakglass.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The golden path in a real browser, against the application running on its embedded defaults: its own
 * embedded PostgreSQL, the local keyring and the demo data.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"breakglass.test.embedded-defaults=true", "breakglass.demo=true"})
class GoldenPathBrowserTest {

    static final List<String> CODES = List.of(
            "b71e3-40c9a",
            "5d2f0-e8a14",
            "0c96b-71d3e",
            "e4a05-9bf27",
            "82d1c-3e6f0",
            "f03b9-c5a42",
            "1a7e6-d09c3",
            "6cb24-8f1e5",
            "93f0d-2a7b8",
            "d58a7-06e3c",
            "4e1c8-a2f70",
            "c06d5-19b3e",
            "a8f21-7e04d",
            "35b9e-c6a81",
            "e7d02-4f9c5",
            "2c6fa-b8e13");

    /** Docker Hub's one recovery code, as its page shows it. */
    static final String DOCKER_HUB_CODE = "6apqc11l365q04ganjp7jx9v78plpdr3";

    @LocalServerPort
    int port;

    ChromeDriver browser;
    WebDriverWait wait;

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("breakglass-browser-test");
        registry.add("breakglass.data-dir", dataDir::toString);
    }

    private void openBrowser() throws Exception {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            screenshot("last");
            browser.quit();
        }
    }

    @Test
    void workspaceOwner_reachesEveryAdminPage() throws Exception {
        openBrowser();
        signIn("owner@acme.test");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.account-card")));

        for (var page : List.of(
                List.of("members", "Members"),
                List.of("all-accounts", "All accounts"),
                List.of("admin/audit", "Audit log"),
                List.of("admin/plugins", "Plugins"),
                List.of("admin/encryption", "Encryption"),
                List.of("password", "Change password"))) {
            browser.get("http://localhost:" + port + "/" + page.get(0));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), page.get(1)));
            screenshot(page.get(0).replace('/', '-'));
        }
    }

    /**
     * A paste just under the 64 KiB the server accepts (a whole settings page around Google's ten codes) is read and
     * saved: the browser's messages travel as requests beside the push WebSocket, whose receive buffers are small.
     */
    @Test
    void owner_pastesAlmost64KiB_andTheCodesSave() throws Exception {
        openBrowser();
        signIn("alice@acme.test");
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("a.account-card[data-label='Google Workspace']")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#emergency-controls vaadin-details-summary")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-codes"))).click();
        WebElement input =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#backup-codes-input textarea")));
        String codes = """
                SAVE YOUR BACKUP CODES
                1. 6165 1728    6. 4881 3465
                2. 6233 5735    7. 3359 7146
                3. 3720 7276    8. 7579 4750
                4. 3087 3821    9. 0271 3405
                5. 4241 0504    10. 2328 5554
                """;
        StringBuilder page = new StringBuilder();
        for (int line = 0; page.length() < 64 * 1024 - codes.length() - 200; line++) {
            page.append(
                    "Security settings line %03d: review your sign-in methods and recent activity.\n".formatted(line));
        }
        String paste = page + codes;
        assertThat(paste.length()).isBetween(63 * 1024, 64 * 1024);
        // typed by the browser in one go, as a paste arrives (sendKeys would type 64 K keys one by one)
        browser.executeScript(
                "arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                input,
                paste);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("codes-found"), "10 "));

        browser.findElement(By.id("save-codes")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("vaadin-notification-card"), "10 backup codes saved"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("backup-codes-input")));
        assertThat(browser.findElement(By.id("codes-summary")).getText()).startsWith("10 of 10 backup codes left");
    }

    private void signIn(String email) {
        Chromium.signIn(browser, wait, "http://localhost:" + port + "/", email, "breakglass-demo");
    }

    @Test
    void pages_areNeverCached() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().allValues("Cache-Control")).anyMatch(value -> value.contains("no-store"));
    }

    /** An authenticator app in the test: the codes for a secret, never the same time step twice. */
    static final class TotpApp {

        private final byte[] secret;
        private long lastStep;

        TotpApp(String base32Secret) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int buffer = 0;
            int bits = 0;
            for (char c : base32Secret.toCharArray()) {
                buffer = (buffer << 5) | "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(c);
                bits += 5;
                if (bits >= 8) {
                    out.write((buffer >> (bits - 8)) & 0xff);
                    bits -= 8;
                }
            }
            secret = out.toByteArray();
        }

        /** The code of the current time step, waiting for the next step when this one was used already. */
        String nextCode() throws Exception {
            long step = Instant.now().getEpochSecond() / 30;
            while (step <= lastStep) {
                Thread.sleep(1000);
                step = Instant.now().getEpochSecond() / 30;
            }
            lastStep = step;
            return new TimeBasedOneTimePasswordGenerator()
                    .generateOneTimePasswordString(
                            new SecretKeySpec(secret, "HmacSHA1"), Instant.ofEpochSecond(step * 30));
        }
    }

    private void screenshot(String name) {
        Chromium.screenshot(browser, "golden-path-" + name);
    }

    @Test
    void owner_signsIn_addsCodes_andViewsThem() throws Exception {
        openBrowser();
        // Not signed in: the app sends the browser to the login view.
        signIn("alice@acme.test");

        WebElement github = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("a.account-card[data-label='GitHub']")));
        screenshot("accounts");
        github.click();

        WebElement settingsTab = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#account-tabs vaadin-tab[selected]")));
        assertThat(settingsTab.getText()).isEqualTo("Settings");

        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#emergency-controls vaadin-details-summary")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-codes"))).click();

        WebElement codes =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#backup-codes-input textarea")));
        assertThat(browser.findElement(By.cssSelector("#backup-codes-input label"))
                        .getText())
                .isEqualTo("MFA Backup Codes");
        codes.sendKeys("GitHub recovery codes\n" + String.join("\n", CODES));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("codes-found"), "16 GitHub codes"));

        browser.findElement(By.id("save-codes")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("vaadin-notification-card"), "16 backup codes saved"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("backup-codes-input")));
        assertThat(browser.findElement(By.id("codes-summary")).getText()).startsWith("16 of 16 backup codes left");

        browser.findElement(By.id("view-codes")).click();
        // Signing in is no step-up: View codes asks for the password first.
        Chromium.confirmWithPassword(browser, wait, "breakglass-demo");
        List<WebElement> shown = wait.until(
                ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector("#revealed-codes .code-value")));
        assertThat(shown).extracting(WebElement::getText).containsExactlyElementsOf(CODES);
    }

    /**
     * The password + authenticator app path: Bob sets up an app on Sign-in security (the test is his app: it computes
     * the codes from the key shown under "Can't scan it?"), signs out, signs in with password and code, and View
     * codes asks for both before it shows the codes.
     */
    @Test
    void member_withAuthenticatorApp_signsInWithCode_andConfirmsWithPasswordAndCode() throws Exception {
        openBrowser();
        signIn("bob@acme.test");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.account-card")));

        browser.get("http://localhost:" + port + "/profile/security");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("set-up-authenticator")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("img[alt^='QR code']")));
        browser.findElement(By.cssSelector("#cant-scan vaadin-details-summary")).click();
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("authenticator-secret")))
                .getText()
                .replace(" ", "");
        TotpApp app = new TotpApp(secret);
        browser.findElement(By.cssSelector("#authenticator-code input")).sendKeys(app.nextCode());
        browser.findElement(By.id("finish-authenticator-setup")).click();
        List<WebElement> recovery = wait.until(
                ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector("#recovery-codes .recovery-code")));
        assertThat(recovery).hasSize(10);
        screenshot("recovery-codes");
        browser.findElement(By.id("close-recovery-codes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("authenticator-status"), "On."));

        browser.findElement(By.id("sign-out")).click();
        signIn("bob@acme.test");
        WebElement code = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#sign-in-code input")));
        assertThat(browser.findElement(By.tagName("h2")).getText())
                .isEqualTo("Enter the code from your authenticator app");
        code.sendKeys(app.nextCode());
        browser.findElement(By.id("submit-sign-in-code")).click();

        WebElement account = wait.until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("a.account-card[data-label='Docker Hub']")));
        account.click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#emergency-controls vaadin-details-summary")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-codes"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#backup-codes-input textarea")))
                .sendKeys("Save your recovery code\n" + DOCKER_HUB_CODE);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("codes-found"), "1 Docker Hub code"));
        browser.findElement(By.id("save-codes")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("backup-codes-input")));

        browser.findElement(By.id("view-codes")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#confirm-password input")))
                .sendKeys("breakglass-demo");
        browser.findElement(By.cssSelector("#confirm-code input")).sendKeys(app.nextCode());
        screenshot("confirm-with-code");
        browser.findElement(By.id("confirm-identity")).click();
        List<WebElement> shown = wait.until(
                ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector("#revealed-codes .code-value")));
        assertThat(shown).extracting(WebElement::getText).containsExactly(DOCKER_HUB_CODE);
    }
}
