package dev.breakglass.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.SignIn;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A break-glass request in a real browser: bob (a Collaborator of GitHub) asks for a code, alice (an Owner) approves,
 * bob takes one code and the count of codes left drops by one. Shares the web test context of the HTTP tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CodeRequestBrowserTest {

    static final List<String> CODES = List.of("70a1c-5d2e9", "b83f0-4c61a", "2e9d7-a0b35", "c4165-f87d2");

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    BackupCodeService codes;

    ChromeDriver browser;
    WebDriverWait wait;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            screenshot("last");
            browser.quit();
        }
        signIn.out();
    }

    @Test
    void bobRequests_aliceApproves_bobTakesOneCode_andOneCodeFewerIsLeft() throws Exception {
        fixtures.forgetAllCodes();
        UUID github = fixtures.accountId("GitHub");
        signIn.as("alice@acme.test");
        codes.saveCodes(github, "GitHub recovery codes\n" + String.join("\n", CODES), Mismatch.ACCEPTED);
        signIn.out();
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        signIn("bob@acme.test");
        openEmergencyControls(github);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("request-code")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#request-reason textarea")))
                .sendKeys("Locked out while on call");
        browser.findElement(By.id("send-request")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#my-code-requests .request-state"), "Pending"));
        screenshot("requested");
        signOut();

        signIn("alice@acme.test");
        browser.get("http://localhost:" + port + "/accounts/" + github);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#requests-panel .answer-request")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("approve-request")))
                .click();
        confirmItIsMe(); // signing in is no step-up: an answer asks first
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#requests-panel .request-state"), "Approved"));
        screenshot("approved");
        signOut();

        signIn("bob@acme.test");
        openEmergencyControls(github);
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("codes-summary"), "4 of 4 backup codes left"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("use-approved-code")))
                .click();
        confirmItIsMe();
        WebElement code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approved-code")));
        assertThat(code.getText()).isEqualTo(CODES.get(0));
        screenshot("code");
        browser.findElement(By.id("close-approved-code")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("approved-code")));
        assertThat(browser.findElement(By.id("codes-summary")).getText()).startsWith("3 of 4 backup codes left");
        assertThat(browser.findElement(By.cssSelector("#my-code-requests .request-state"))
                        .getText())
                .isEqualTo("Used");
    }

    private void signIn(String email) {
        Chromium.signIn(browser, wait, "http://localhost:" + port + "/", email, "breakglass-demo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    private void confirmItIsMe() {
        Chromium.confirmWithPassword(browser, wait, "breakglass-demo");
    }

    private void signOut() {
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
    }

    private void openEmergencyControls(UUID account) {
        browser.get("http://localhost:" + port + "/accounts/" + account);
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#emergency-controls vaadin-details-summary")))
                .click();
    }

    private void screenshot(String name) {
        Chromium.screenshot(browser, "code-request-" + name);
    }
}
