package dev.breakglass.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.testing.CommandLine;
import java.time.Duration;
import java.util.List;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * From an empty database to a working team, in a real browser: the server runs on a PostgreSQL without the demo
 * data, create-workspace (run in this JVM through the jar's entry, on the same database) prints the first Owner's
 * link, and the Owner chooses a password, signs in, lands on their empty Accounts page, adds the first account and
 * walks the golden path on it: Add codes, Save Codes, View codes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "breakglass.demo=false")
class FirstRunBrowserTest {

    static final String OWNER_EMAIL = "peter@initech.test";
    static final String OWNER_PASSWORD = "velvet lantern orbit";

    @LocalServerPort
    int port;

    @Autowired
    Environment settings;

    ChromeDriver browser;
    WebDriverWait wait;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void firstOwner_fromTheCommandLine_setsAPassword_signsIn_addsAnAccount_andSavesItsCodes() throws Exception {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        open("/login");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-notice")))
                        .getText())
                .startsWith("No workspace exists yet.");

        assertFirstRunPageIsNotFound("/first-run/not-the-setup-token");
        browser.manage().deleteAllCookies();

        String link = createWorkspace("Initech", OWNER_EMAIL, "Peter Gibbons");
        choosePassword(link, OWNER_PASSWORD);
        signIn(OWNER_EMAIL, OWNER_PASSWORD);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Accounts"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-accounts")))
                        .getText())
                .isEqualTo("No accounts yet. Add the first one with Add account.");
        assertThat(browser.findElements(By.cssSelector("a.account-card"))).isEmpty();

        addAccount("GitHub", "Initech GitHub", "initech-admin");
        WebElement settingsTab = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#account-tabs vaadin-tab[selected]")));
        assertThat(settingsTab.getText()).isEqualTo("Settings");

        saveAndViewCodes(GoldenPathBrowserTest.CODES);

        open("/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("a.account-card[data-label='Initech GitHub']")));
        assertFirstRunPageIsNotFound("/first-run/not-the-setup-token");
    }

    /** Add account on the Accounts page: picks the app, names the account, saves; the new account's page opens. */
    private void addAccount(String app, String label, String loginName) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-account")))
                .click();
        WebElement appField = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#account-app input")));
        appField.sendKeys(app);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-combo-box-item")));
        appField.sendKeys(Keys.ENTER);
        browser.findElement(By.cssSelector("#account-label input")).sendKeys(label);
        browser.findElement(By.cssSelector("#account-login-name input")).sendKeys(loginName);
        browser.findElement(By.id("save-account")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), label));
    }

    /** Emergency controls on the open account: Add codes, paste, Save Codes, then View codes shows them all. */
    private void saveAndViewCodes(List<String> codes) {
        WebElement emergency = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("emergency-controls")));
        if (emergency.getAttribute("opened") == null) {
            browser.findElement(By.cssSelector("#emergency-controls vaadin-details-summary"))
                    .click();
        }
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-codes"))).click();
        WebElement field =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#backup-codes-input textarea")));
        field.sendKeys("GitHub recovery codes\n" + String.join("\n", codes));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("codes-found"), codes.size() + " GitHub codes"));
        browser.findElement(By.id("save-codes")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("vaadin-notification-card"), codes.size() + " backup codes saved"));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("view-codes"))).click();
        // Signing in is no step-up: View codes asks for the password first.
        Chromium.confirmWithPassword(browser, wait, OWNER_PASSWORD);
        List<WebElement> shown = wait.until(
                ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector("#revealed-codes .code-value")));
        assertThat(shown).extracting(WebElement::getText).containsExactlyElementsOf(codes);
    }

    /** The first-run page answers as an address that never existed. */
    private void assertFirstRunPageIsNotFound(String path) {
        open("/no-such-page");
        String unknownRoute = renderedPage();
        open(path);
        assertThat(renderedPage().replace(path.substring(1), "no-such-page")).isEqualTo(unknownRoute);
        assertThat(browser.findElements(By.id("workspace-name"))).isEmpty();
    }

    /**
     * Where the browser ended up, and what the page says, once Vaadin has rendered it. (Not the window title: the
     * server's first page for an address it has no route for carries none.)
     */
    private String renderedPage() {
        wait.until(driver -> !driver.findElement(By.tagName("body")).getText().isBlank());
        return browser.getCurrentUrl().replace("http://localhost:" + port, "") + "\n"
                + browser.findElement(By.tagName("body")).getText();
    }

    /** Runs create-workspace against this server's database and answers the one line it printed: the Owner's link. */
    private String createWorkspace(String name, String ownerEmail, String ownerName) {
        CommandLine.Result created = CommandLine.createWorkspace(
                settings, "--name", name, "--owner-email", ownerEmail, "--owner-name", ownerName);
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.outLines()).hasSize(1);
        return created.outLines().get(0);
    }

    /** Opens a set-password link and chooses the password, as the new member does. */
    private void choosePassword(String link, String password) {
        open(link);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#new-password input")))
                .sendKeys(password);
        browser.findElement(By.cssSelector("#repeat-password input")).sendKeys(password);
        browser.findElement(By.id("set-password")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("set-password-result"), "Your password is set."));
    }

    private void signIn(String email, String password) {
        Chromium.signIn(browser, wait, "http://localhost:" + port + "/login", email, password);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }
}
