package dev.breakglass.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
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
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h2"), page.get(1)));
            screenshot(page.get(0).replace('/', '-'));
        }
    }

    private void signIn(String email) {
        browser.get("http://localhost:" + port + "/");
        WebElement username =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        username.sendKeys(email);
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("breakglass-demo", Keys.ENTER);
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

    /** Screenshots land in app/target/screenshots, for a person to look at. */
    private void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            Files.copy(
                    browser.getScreenshotAs(OutputType.FILE).toPath(),
                    target.resolve("golden-path-" + name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("codes-found"), "16 codes found"));

        browser.findElement(By.id("save-codes")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("vaadin-notification-card"), "16 backup codes saved"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("backup-codes-input")));
        assertThat(browser.findElement(By.id("codes-summary")).getText()).startsWith("16 of 16 backup codes left");

        browser.findElement(By.id("view-codes")).click();
        List<WebElement> shown = wait.until(
                ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector("#revealed-codes .code-value")));
        assertThat(shown).extracting(WebElement::getText).containsExactlyElementsOf(CODES);
    }
}
