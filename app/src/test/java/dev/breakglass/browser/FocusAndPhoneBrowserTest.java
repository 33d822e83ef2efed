package dev.breakglass.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a keyboard and a phone meet, in a real browser on the demo data: the phone header keeps Sign out and the
 * bell, focus goes back to what opened a dialog (or to what replaced it), destructive dialogs open on Cancel, a
 * paste of another app's codes needs a second click, and a double click on Mark used marks one code.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"breakglass.test.embedded-defaults=true", "breakglass.demo=true"})
class FocusAndPhoneBrowserTest {

    @LocalServerPort
    int port;

    ChromeDriver browser;
    WebDriverWait wait;

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("breakglass-focus-test");
        registry.add("breakglass.data-dir", dataDir::toString);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Chromium.screenshot(browser, "focus-last");
            browser.quit();
        }
    }

    @Test
    void onAPhone_theHeaderKeepsSignOutAndTheBell_andTheDrawerHasThemToo() throws Exception {
        openBrowser();
        browser.manage().window().setSize(new Dimension(390, 844));
        signIn("alice@acme.test");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.account-card")));
        int width = ((Number) browser.executeScript("return window.innerWidth")).intValue();

        for (String id : List.of("sign-out", "notification-bell")) {
            WebElement control = browser.findElement(By.id(id));
            assertThat(control.isDisplayed()).as(id).isTrue();
            Rectangle box = control.getRect();
            assertThat(box.getX() + box.getWidth())
                    .as(id + " ends inside the screen")
                    .isLessThanOrEqualTo(width);
        }
        Chromium.screenshot(browser, "phone-header");

        browser.findElement(By.cssSelector("vaadin-drawer-toggle")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drawer-sign-out")));
        assertThat(browser.findElement(By.id("drawer-signed-in-user")).getText())
                .startsWith("Alice Example");
        Chromium.screenshot(browser, "phone-drawer");

        browser.findElement(By.id("drawer-sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#vaadinLoginUsername input")));
    }

    @Test
    void dialogs_giveTheFocusBack_destructiveOnesOpenOnCancel_andAMismatchNeedsASecondClick() throws Exception {
        openBrowser();
        signIn("alice@acme.test");
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("a.account-card[data-label='Google Workspace']")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#emergency-controls vaadin-details-summary")))
                .click();

        // The Add dialog focuses its text box; Escape gives the focus back to Add codes.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-codes"))).click();
        WebElement codes =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#backup-codes-input textarea")));
        waitForFocusOn("#backup-codes-input textarea");
        codes.sendKeys(Keys.ESCAPE);
        waitForFocusOn("#add-codes");

        // GitHub's codes in the Google account: said plainly, and only a second click saves them.
        browser.findElement(By.id("add-codes")).click();
        codes = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#backup-codes-input textarea")));
        codes.sendKeys("GitHub recovery codes\n" + String.join("\n", GoldenPathBrowserTest.CODES));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("codes-found"), "16"));
        browser.findElement(By.id("save-codes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-codes"), "Save anyway"));
        assertThat(browser.findElement(By.id("paste-mismatch")).getText()).contains("not Google codes");
        assertThat(browser.findElements(By.id("view-codes"))).isEmpty();
        Chromium.screenshot(browser, "paste-mismatch");
        browser.findElement(By.id("save-codes")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("backup-codes-input")));

        // Add codes is gone with the save: the focus goes on from the first action, View codes.
        waitForFocusOn("#view-codes");

        // Delete codes is destructive: it opens on Cancel, and Cancel gives the focus back.
        browser.findElement(By.id("delete-codes")).click();
        waitForFocusOn("#cancel-delete-codes");
        Chromium.screenshot(browser, "delete-codes-on-cancel");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitForFocusOn("#delete-codes");

        // Mark used keeps the keyboard in the row, and a double click marks one code only.
        browser.findElement(By.id("view-codes")).click();
        Chromium.confirmWithPassword(browser, wait, "breakglass-demo");
        WebElement first = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#revealed-codes vaadin-button[aria-label='Mark code 1 used']")));
        first.click();
        waitForFocusOn("#revealed-codes vaadin-button[aria-label='Mark code 1 unused']");
        new Actions(browser)
                .doubleClick(browser.findElement(
                        By.cssSelector("#revealed-codes vaadin-button[aria-label='Mark code 2 used']")))
                .perform();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#revealed-codes vaadin-button[aria-label='Mark code 2 unused']")));
        Thread.sleep(500); // a second request, if the double click had sent one, would have landed by now
        assertThat(browser.findElements(By.cssSelector("#revealed-codes .code.used")))
                .hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#revealed-codes vaadin-button[aria-label='Mark code 3 used']")))
                .hasSize(1);

        // Closing the codes gives the focus back to View codes.
        Chromium.screenshot(browser, "codes-marked");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waitForFocusOn("#view-codes");
    }

    @Test
    void membersGrid_at1280_showsEveryActionInsideTheGrid_andDestructiveOnesOpenOnCancel() throws Exception {
        openBrowser();
        browser.manage().window().setSize(new Dimension(1280, 900));
        signIn("owner@acme.test");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.account-card")));
        browser.get("http://localhost:" + port + "/members");
        WebElement grid = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("members")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-member='admin@acme.test'] vaadin-button")));
        Chromium.screenshot(browser, "members-1280");

        Rectangle gridBox = grid.getRect();
        List<WebElement> buttons =
                browser.findElements(By.cssSelector("[data-member='admin@acme.test'] vaadin-button"));
        assertThat(buttons).extracting(WebElement::getText).contains("Remove", "Make Workspace owner");
        for (WebElement button : buttons) {
            Rectangle box = button.getRect();
            assertThat(box.getX() + box.getWidth())
                    .as(button.getText() + " ends inside the grid")
                    .isLessThanOrEqualTo(gridBox.getX() + gridBox.getWidth());
        }

        WebElement remove = browser.findElement(
                By.cssSelector("[data-member='gina@acme.test'] vaadin-button[aria-label='Remove Gina Guest']"));
        remove.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cancel-member-change")));
        Thread.sleep(300);
        Chromium.screenshot(browser, "members-remove-on-cancel");
        waitForFocusOn("#cancel-member-change");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        waitForFocusOn("[data-member='gina@acme.test'] vaadin-button[aria-label='Remove Gina Guest']");
    }

    private void openBrowser() throws Exception {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void signIn(String email) {
        Chromium.signIn(browser, wait, "http://localhost:" + port + "/", email, "breakglass-demo");
    }

    /** Waits until the element with the keyboard focus (inside shadow roots too) matches the selector. */
    private void waitForFocusOn(String selector) {
        wait.withMessage(() -> "focus on " + selector + ", but it is on " + browser.executeScript("""
                        let active = document.activeElement;
                        while (active && active.shadowRoot && active.shadowRoot.activeElement) {
                            active = active.shadowRoot.activeElement;
                        }
                        return active ? active.outerHTML.substring(0, 300) : 'nothing';
                        """))
                .until(driver -> (Boolean) browser.executeScript("""
                        let active = document.activeElement;
                        while (active && active.shadowRoot && active.shadowRoot.activeElement) {
                            active = active.shadowRoot.activeElement;
                        }
                        for (let node = active; node; node = node.parentNode || node.host) {
                            if (node.matches && node.matches(arguments[0])) {
                                return true;
                            }
                        }
                        return false;
                        """, selector));
    }
}
