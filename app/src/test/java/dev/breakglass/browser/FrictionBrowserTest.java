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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13's friction items, each shown in a real browser on the demo data and saved as a screenshot named after it
 * (app/target/screenshots/friction-*.png). One browser walks them all, as Alice, Olivia and Bob in turn.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"breakglass.test.embedded-defaults=true", "breakglass.demo=true"})
class FrictionBrowserTest {

    /** GitHub's new set: the demo's codes written backwards, still in GitHub's form. */
    static final List<String> NEW_CODES = GoldenPathBrowserTest.CODES.stream()
            .map(code -> new StringBuilder(code).reverse().toString())
            .toList();

    @LocalServerPort
    int port;

    ChromeDriver browser;
    WebDriverWait wait;

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("breakglass-friction-test");
        registry.add("breakglass.data-dir", dataDir::toString);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Chromium.screenshot(browser, "friction-last");
            browser.quit();
        }
    }

    @Test
    void everyFrictionItem_isBetter_inTheBrowser() throws Exception {
        browser = Chromium.start();
        browser.manage().window().setSize(new Dimension(1280, 900));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        signIn("alice@acme.test");
        overviewChipsAndTabs_liveInTheUrl_andBackReturns();
        landmarksHeadingSkipLinkAndLabels();
        pastePreview_speaksPlainly_andTheFirstSaveIsKept();
        replace_saysWhatItDestroys_inTheDangerStyle();
        activity_readsAsSentences_withRawDetailsOneClickAway();

        signOutAndSignIn("owner@acme.test");
        notifications_linkToTheirAccount_groupRepeats_andTellOfTheFirstSave();
        workspaceOwner_andAccountOwner_areNamedApart();
        auditLog_readsAsSentences_withRawDetailsOneClickAway();

        signOutAndSignIn("bob@acme.test");
        collaborator_seesTheAccountOwners_andRequestACode();
    }

    /** Item 7: a chip filters and pushes the URL; Back returns; the account's tabs do the same. */
    private void overviewChipsAndTabs_liveInTheUrl_andBackReturns() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("a.account-card[data-label='Docker Hub']")));
        assertThat(browser.getCurrentUrl()).doesNotContain("show=");

        browser.findElement(By.cssSelector(".overview-tile[data-filter='MFA_ON_NO_CODES']"))
                .click();
        wait.until(ExpectedConditions.urlContains("show=mfa_on_no_codes"));
        // Docker Hub's MFA is unknown: the chip's filter leaves it out.
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("a.account-card[data-label='Docker Hub']")));
        assertThat(browser.findElement(By.cssSelector("#account-filter")).getText())
                .contains("MFA on, no codes");
        assertThat(cardLabels()).contains("GitHub", "Google Workspace").doesNotContain("Docker Hub");
        assertThat(browser.findElement(By.cssSelector(".overview-tile[aria-pressed='true']"))
                        .getAttribute("data-filter"))
                .isEqualTo("MFA_ON_NO_CODES");
        Chromium.screenshot(browser, "friction-7-chip-filters-url");

        browser.navigate().back();
        wait.until(driver -> !driver.getCurrentUrl().contains("show="));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("a.account-card[data-label='Docker Hub']")));
        assertThat(cardLabels()).contains("Docker Hub", "GitHub");

        browser.findElement(By.cssSelector("a.account-card[data-label='GitHub']"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-tabs")));
        browser.findElement(By.xpath("//vaadin-tab[normalize-space()='Users']")).click();
        wait.until(ExpectedConditions.urlContains("tab=users"));
        browser.findElement(By.xpath("//vaadin-tab[normalize-space()='Activity']"))
                .click();
        wait.until(ExpectedConditions.urlContains("tab=activity"));
        browser.navigate().back();
        wait.until(ExpectedConditions.urlContains("tab=users"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#account-tabs vaadin-tab[selected]"), "Users"));
        assertThat(gridText("account-people", "Bob Example")).contains("Workspace owner");
        assertThat(browser.findElement(By.cssSelector("vaadin-select[data-member='owner@acme.test']"))
                        .getText())
                .startsWith("Account owner");
        // Item 8 too: the row's controls say whose they are.
        assertThat(browser.findElements(By.cssSelector("vaadin-button[aria-label='Remove Bob Example']")))
                .hasSize(1);
        assertThat(browser.executeScript(
                        "return document.querySelector(\"vaadin-select[data-member='bob@acme.test']\").accessibleName"))
                .isEqualTo("Account role of Bob Example");
        Chromium.screenshot(browser, "friction-7-tab-back");
        browser.navigate().back();
        wait.until(driver -> !driver.getCurrentUrl().contains("tab="));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#account-tabs vaadin-tab[selected]"), "Settings"));
    }

    /** Item 8: one main landmark and one h1 on each page, a skip link that leads to it, labelled search boxes. */
    private void landmarksHeadingSkipLinkAndLabels() {
        for (String page : List.of("", "password", "no-such-page")) {
            browser.get(url(page));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
            assertThat(count("main, [role=main]"))
                    .as("main landmarks on /" + page)
                    .isEqualTo(1);
            assertThat(count("h1")).as("h1 on /" + page).isEqualTo(1);
        }
        browser.get(url(""));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-accounts")));
        assertThat(accessibleName("#search-accounts input")).isEqualTo("Search accounts");

        // The skip link is the first Tab stop; following it puts the focus in the main region.
        browser.executeScript("document.activeElement && document.activeElement.blur()");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = browser.findElement(By.id("skip-to-content"));
        wait.until(driver -> skip.equals(browser.switchTo().activeElement()));
        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(skip.getRect().getY())
                .as("the focused skip link is on screen")
                .isGreaterThanOrEqualTo(0);
        Chromium.screenshot(browser, "friction-8-skip-link");
        skip.sendKeys(Keys.ENTER);
        wait.until(driver ->
                "main-content".equals(browser.switchTo().activeElement().getAttribute("id")));
    }

    /** Item 1: "16 GitHub codes, 2 other lines ignored." rather than "(Generic list)" and "lines not read". */
    private void pastePreview_speaksPlainly_andTheFirstSaveIsKept() {
        browser.get(url(""));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.account-card[data-label='GitHub']")))
                .click();
        openEmergencyControls();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-codes"))).click();
        WebElement codes =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#backup-codes-input textarea")));
        codes.sendKeys(
                "GitHub recovery codes\nKeep them somewhere safe.\n" + String.join("\n", GoldenPathBrowserTest.CODES));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("codes-found"), "16 GitHub codes, 2 other lines ignored."));
        String status = browser.findElement(By.id("paste-status")).getText();
        assertThat(status).doesNotContain("Generic", "not read as codes");
        assertThat(browser.findElements(By.cssSelector("#paste-mismatch:not([hidden])")))
                .isEmpty();
        assertThat(browser.findElement(By.id("unreadable-lines")).getText())
                .contains("Ignored, as they hold no code", "Keep them somewhere safe.");
        assertThat(browser.findElement(By.id("unreadable-lines")).getAttribute("aria-live"))
                .isEqualTo("polite");
        Chromium.screenshot(browser, "friction-1-paste-preview");
        browser.findElement(By.id("save-codes")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("backup-codes-input")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("codes-summary"), "16 of 16"));
    }

    /** Item 2: with two codes used, Replace says "Replace 14 unused codes (2 of 16 used) with 16 new ones". */
    private void replace_saysWhatItDestroys_inTheDangerStyle() throws InterruptedException {
        browser.findElement(By.id("view-codes")).click();
        Chromium.confirmWithPassword(browser, wait, "breakglass-demo");
        // Item 8 too: each row's action says which code it marks.
        for (int position = 1; position <= 2; position++) {
            String mark = "#revealed-codes vaadin-button[aria-label='Mark code " + position + " used']";
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(mark)))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#revealed-codes vaadin-button[aria-label='Mark code " + position + " unused']")));
        }
        assertThat(browser.findElements(By.cssSelector("#revealed-codes vaadin-button[aria-label='Mark code 3 used']")))
                .hasSize(1);
        Chromium.screenshot(browser, "friction-8-row-actions");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("revealed-codes")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("codes-summary"), "14 of 16"));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("replace-codes")))
                .click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replace-summary")));
        assertThat(summary.getText()).startsWith("Replace 14 unused codes (2 of 16 used) with the new codes you paste");
        WebElement replace = browser.findElement(By.id("replace-codes-save"));
        assertThat(replace.getAttribute("theme")).contains("error");
        // Replace is destructive: it opens on Cancel. Only then does the user click into the box and paste.
        wait.until(driver -> (Boolean) browser.executeScript("""
                let active = document.activeElement;
                while (active && active.shadowRoot && active.shadowRoot.activeElement) {
                    active = active.shadowRoot.activeElement;
                }
                return !!active && !!active.closest && !!active.closest('#cancel-add-codes');
                """));
        WebElement box = browser.findElement(By.cssSelector("#backup-codes-input textarea"));
        // Focus moved into the box without a click or a key (as a screen reader or a script moves it) stays there:
        // the dialog's own late moves to Cancel must not take it back, or the paste would land on Cancel.
        browser.executeScript("arguments[0].focus()", box);
        Thread.sleep(1200);
        assertThat((Boolean)
                        browser.executeScript("return arguments[0] === arguments[0].getRootNode().activeElement", box))
                .as("the focus stays where it was moved")
                .isTrue();
        box.sendKeys(String.join("\n", NEW_CODES));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("replace-summary"), "Replace 14 unused codes (2 of 16 used) with 16 new ones."));
        assertThat(browser.findElement(By.id("replace-summary")).getText()).contains("destroyed");
        String color = (String) browser.executeScript(
                "return getComputedStyle(arguments[0]).color", browser.findElement(By.id("replace-summary")));
        String danger = (String) browser.executeScript("""
                const probe = document.createElement('span');
                probe.style.color = 'var(--lumo-error-text-color)';
                document.body.appendChild(probe);
                const color = getComputedStyle(probe).color;
                probe.remove();
                return color;
                """);
        assertThat(color).as("the replace summary is in the danger colour").isEqualTo(danger);
        Chromium.screenshot(browser, "friction-2-replace-destructive");
        browser.findElement(By.id("cancel-add-codes")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("backup-codes-input")));
    }

    /** Item 6, on the account: who did what in words; a click on a row shows the raw record. */
    private void activity_readsAsSentences_withRawDetailsOneClickAway() {
        browser.findElement(By.xpath("//vaadin-tab[normalize-space()='Activity']"))
                .click();
        wait.until(ExpectedConditions.urlContains("tab=activity"));
        String rows = gridText("account-activity", "16 codes");
        assertThat(rows).contains("Alice Example", "code 2").doesNotContain("{\"");
        clickFirstRow("account-activity");
        WebElement raw =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".audit-raw-details")));
        assertThat(raw.getText()).contains("{");
        Chromium.screenshot(browser, "friction-6-activity");
    }

    /** Item 5: the bell lists links to the account, repeated marks as one entry, and Alice's first save. */
    private void notifications_linkToTheirAccount_groupRepeats_andTellOfTheFirstSave() {
        WebElement unread = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unread-count")));
        assertThat(Integer.parseInt(unread.getText())).isGreaterThanOrEqualTo(4);
        browser.findElement(By.id("notification-bell")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notification-list")));
        List<WebElement> items = browser.findElements(By.cssSelector("#notification-list li"));
        List<String> texts = items.stream().map(WebElement::getText).toList();
        assertThat(texts)
                .anyMatch(text -> text.startsWith("Alice Example saved backup codes for GitHub"))
                .anyMatch(text -> text.contains("marked a backup code used for GitHub") && text.contains("2 times"))
                .noneMatch(text -> text.contains("marked a backup code used") && !text.contains("2 times"));
        List<WebElement> links = browser.findElements(By.cssSelector("#notification-list a.notification-link"));
        assertThat(links).hasSameSizeAs(items);
        Chromium.screenshot(browser, "friction-5-notifications");

        WebElement saved = links.stream()
                .filter(link -> link.getText().contains("saved backup codes"))
                .findFirst()
                .orElseThrow();
        saved.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "GitHub"));
        assertThat(browser.getCurrentUrl()).contains("/accounts/");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("notification-list")));
    }

    /** Item 3: the header, the account page and the Members page say "Workspace owner" or "Account owner". */
    private void workspaceOwner_andAccountOwner_areNamedApart() {
        assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("Olivia Owner · Workspace owner");
        assertThat(browser.findElement(By.id("my-account-role")).getText()).isEqualTo("You are an Account owner");
        assertThat(browser.findElement(By.id("account-owners")).getText()).startsWith("Account owners: ");
        Chromium.screenshot(browser, "friction-3-account-owner");

        browser.get(url("members"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[data-member='admin@acme.test'] vaadin-button[aria-label='Make Workspace owner"
                                + " Adam Admin']")))
                .click();
        assertThat(accessibleName("#member-search input")).isEqualTo("Search members");
        WebElement cancel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cancel-member-change")));
        String text = (String)
                browser.executeScript(
                        "const dialog = document.getElementById('confirm-transfer'); return dialog.header + ' ' + dialog.message");
        assertThat(text)
                .contains("Make Adam Admin the Workspace owner?", "Account owner")
                .doesNotContain("Make Owner");
        assertThat(gridText("members", "Workspace owner")).contains("Workspace owner");
        Chromium.screenshot(browser, "friction-3-workspace-owner-transfer");
        cancel.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("cancel-member-change")));
    }

    /** Item 6, workspace-wide: the Audit log says whom a change was about, in words, raw record a click away. */
    private void auditLog_readsAsSentences_withRawDetailsOneClickAway() {
        browser.get(url("admin/audit"));
        String rows = gridText("audit-grid", "16 codes");
        assertThat(rows).contains("Alice Example", "GitHub").doesNotContain("{\"");
        clickFirstRow("audit-grid");
        WebElement raw =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".audit-raw-details")));
        assertThat(raw.getText()).contains("{");
        Chromium.screenshot(browser, "friction-6-audit-log");

        // Item 7 on the Audit log: a filter goes into the URL, and Back takes it out again.
        var everything = gridSize("audit-grid");
        browser.findElement(By.id("audit-action")).click();
        // The list of actions is longer than the overlay: bring the item into view first.
        WebElement savedCodes = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//vaadin-select-item[normalize-space()='Saved codes']")));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", savedCodes);
        wait.until(ExpectedConditions.elementToBeClickable(savedCodes)).click();
        wait.until(ExpectedConditions.urlContains("action=CODES_SAVED"));
        wait.until(driver -> gridSize("audit-grid") == 1);
        Chromium.screenshot(browser, "friction-7-audit-filter-url");
        browser.navigate().back();
        wait.until(driver -> !driver.getCurrentUrl().contains("action="));
        wait.until(driver -> gridSize("audit-grid") == everything);
        assertThat(browser.findElement(By.id("audit-action")).getText()).contains("Any action");
    }

    /** Item 4: Bob, a Collaborator on GitHub, sees who keeps its codes and how to ask them for one. */
    private void collaborator_seesTheAccountOwners_andRequestACode() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.account-card[data-label='GitHub']")))
                .click();
        WebElement owners = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-owners")));
        assertThat(owners.getText()).contains("Account owners: ", "Alice Example", "Olivia Owner", "Request a code");
        assertThat(browser.findElement(By.id("my-account-role")).getText()).isEqualTo("You are a Collaborator");
        openEmergencyControls();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("request-code")))
                        .getText())
                .isEqualTo("Request a code");
        assertThat(browser.findElements(By.id("view-codes"))).isEmpty();
        Chromium.screenshot(browser, "friction-4-collaborator");
    }

    private void signIn(String email) {
        Chromium.signIn(browser, wait, url(""), email, "breakglass-demo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.account-card")));
    }

    private void signOutAndSignIn(String email) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#vaadinLoginUsername input")));
        signIn(email);
    }

    private void openEmergencyControls() {
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#emergency-controls vaadin-details-summary")))
                .click();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    private List<String> cardLabels() {
        return browser.findElements(By.cssSelector("a.account-card")).stream()
                .filter(WebElement::isDisplayed)
                .map(card -> card.getAttribute("data-label"))
                .toList();
    }

    private long count(String selector) {
        return (Long) browser.executeScript("return document.querySelectorAll(arguments[0]).length", selector);
    }

    /** The text a screen reader says for an input: what its aria-labelledby (or aria-label) points at. */
    private String accessibleName(String selector) {
        return (String) browser.executeScript("""
                const input = document.querySelector(arguments[0]);
                const ids = input.getAttribute('aria-labelledby');
                if (ids) {
                    return ids.split(' ')
                            .map(id => document.getElementById(id))
                            .filter(label => label && label.tagName === 'LABEL')
                            .map(label => label.textContent.trim())
                            .join(' ');
                }
                return input.getAttribute('aria-label') || '';
                """, selector);
    }

    /** The text of a grid's rendered cells, once one of them contains {@code expected}. */
    private String gridText(String gridId, String expected) {
        String script = """
                const grid = document.getElementById(arguments[0]);
                return grid === null ? '' : Array.from(grid.querySelectorAll('vaadin-grid-cell-content'))
                        .map(cell => cell.textContent).join(' | ');
                """;
        wait.until(driver -> ((String) browser.executeScript(script, gridId)).contains(expected));
        return (String) browser.executeScript(script, gridId);
    }

    /** How many rows the grid has now (its rendered cells outlive a filter that hides their rows). */
    private long gridSize(String gridId) {
        return (Long) browser.executeScript("return document.getElementById(arguments[0]).size", gridId);
    }

    private void clickFirstRow(String gridId) {
        browser.executeScript("""
                const grid = document.getElementById(arguments[0]);
                const row = grid.shadowRoot.querySelector('tbody tr');
                const cell = row.querySelector('td');
                const content = cell.querySelector('slot').assignedNodes()[0];
                content.click();
                """, gridId);
    }
}
