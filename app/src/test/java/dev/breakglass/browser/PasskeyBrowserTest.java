package dev.breakglass.browser;

import static dev.breakglass.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.security.SignedInSessions;
import dev.breakglass.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Passkeys in a real browser: headless Chromium with a virtual authenticator (the DevTools protocol's WebAuthn
 * domain: a platform authenticator that verifies the user). A passkey is bound to the address the browser sees, so
 * this context runs on a port chosen up front and tells the app its public address (its own context for that
 * reason).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasskeyBrowserTest {

    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;

    @Autowired
    TestClock clock;

    @Autowired
    SignedInSessions sessions;

    @Autowired
    DSLContext db;

    ChromeDriver browser;
    WebDriverWait wait;

    @DynamicPropertySource
    static void fixedAddress(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("breakglass.public-url", () -> BASE);
    }

    @AfterEach
    void closeBrowser() {
        clock.reset();
        if (browser != null) {
            screenshot("last");
            browser.quit();
        }
    }

    @Test
    void member_addsPasskey_signsInWithIt_andConfirmsWithItToViewCodes() throws Exception {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.executeCdpCommand("WebAuthn.enable", Map.of());
        browser.executeCdpCommand(
                "WebAuthn.addVirtualAuthenticator",
                Map.of(
                        "options",
                        Map.of(
                                "protocol", "ctap2",
                                "transport", "internal",
                                "hasResidentKey", true,
                                "hasUserVerification", true,
                                "isUserVerified", true,
                                "automaticPresenceSimulation", true)));

        // Signed in with the password: codes for GitHub, then a passkey.
        browser.get(BASE + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")))
                .sendKeys("alice@acme.test");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("breakglass-demo", Keys.ENTER);
        saveCodes();

        browser.get(BASE + "/profile/security");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-passkeys")));
        browser.findElement(By.id("add-passkey")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#new-passkey-name input")))
                .sendKeys("Virtual authenticator");
        // Add is enabled once the server has checked the name.
        wait.until(driver -> driver.findElement(By.id("create-passkey")).getDomAttribute("disabled") == null);
        browser.findElement(By.id("create-passkey")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#passkey-list .passkey[data-name='Virtual authenticator']")));
        assertThat(row.getText()).contains("Virtual authenticator", "Added ", "Never used");
        screenshot("passkey-added");

        browser.findElement(By.id("sign-out")).click();
        WebElement passkeySignIn = wait.until(ExpectedConditions.elementToBeClickable(By.id("passkey-sign-in")));
        screenshot("login");

        // Signed in with the passkey alone: no e-mail address, no password.
        passkeySignIn.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-user"), "Alice"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.account-card[data-label='GitHub']")))
                .click();
        // Long enough after the sign-in for any confirmation it brought to have lapsed.
        clock.advance(Duration.ofMinutes(6));
        openEmergencyControls();
        browser.findElement(By.id("view-codes")).click();

        WebElement usePasskey = wait.until(ExpectedConditions.elementToBeClickable(By.id("use-passkey")));
        assertThat(usePasskey.getText()).isEqualTo("Use a passkey");
        screenshot("confirm");
        usePasskey.click();

        List<WebElement> shown = wait.until(
                ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector("#revealed-codes .code-value")));
        assertThat(shown).extracting(WebElement::getText).containsExactlyElementsOf(GoldenPathBrowserTest.CODES);
        screenshot("codes");

        // The passkey session is registered like a password one: ending the member's sessions ends it.
        UUID alice = db.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.EMAIL.eq("alice@acme.test"))
                .fetchSingle(APP_USER.ID);
        assertThat(sessions.endAllOf(alice)).isEqualTo(1);
        browser.get(BASE + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("passkey-sign-in")));

        // The password alone no longer signs her in: her passkey is her second factor, asked for next.
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")))
                .sendKeys("alice@acme.test");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("breakglass-demo", Keys.ENTER);
        WebElement finish = wait.until(ExpectedConditions.elementToBeClickable(By.id("finish-with-passkey")));
        assertThat(browser.getCurrentUrl()).contains("/login/code");
        screenshot("password-then-passkey");
        finish.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-user"), "Alice"));
    }

    private void saveCodes() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.account-card[data-label='GitHub']")))
                .click();
        openEmergencyControls();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-codes"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#backup-codes-input textarea")))
                .sendKeys("GitHub recovery codes\n" + String.join("\n", GoldenPathBrowserTest.CODES));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("codes-found"), "16 GitHub codes"));
        browser.findElement(By.id("save-codes")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("backup-codes-input")));
    }

    private void openEmergencyControls() {
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#emergency-controls vaadin-details-summary")))
                .click();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void screenshot(String name) {
        Chromium.screenshot(browser, "passkeys-" + name);
    }
}
