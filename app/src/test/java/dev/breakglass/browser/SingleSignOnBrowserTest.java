package dev.breakglass.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.security.SingleSignOn;
import dev.breakglass.security.SsoChange;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import java.time.Duration;
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
import testprovider.TestIdentityProvider;

/**
 * Single sign-on in a real browser: "Sign in with NAME" on the sign-in page, the provider's own sign-in page (a real
 * Spring Authorization Server on 127.0.0.1, another site than the app's localhost), and back to the Accounts page.
 * Shares the web test context of the HTTP tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SingleSignOnBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    SingleSignOn singleSignOn;

    ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            Chromium.screenshot(browser, "sso-last");
            browser.quit();
        }
        signIn.out();
    }

    @Test
    void member_signsInWithTheProvider_andLandsOnTheAccountsPage() throws Exception {
        TestIdentityProvider provider = TestIdentityProvider.shared();
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember user = workspace.member(WorkspaceRole.USER);
        provider.allowRedirect("http://localhost:" + port + "/login/oauth2/code/" + workspace.id());
        signIn.as(workspace.member(WorkspaceRole.OWNER).email());
        singleSignOn.save(new SsoChange(
                "Test IdP " + workspace.number(),
                provider.issuer(),
                TestIdentityProvider.CLIENT_ID,
                provider.clientSecret(),
                false,
                "",
                false,
                false,
                null));
        signIn.out();
        TestIdentityProvider.Person person = provider.add(user.email(), true);

        browser = Chromium.start();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get("http://localhost:" + port + "/login");
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("a.sso-button[data-workspace='" + workspace.id() + "']")));
        assertThat(button.getText()).isEqualTo("Sign in with Test IdP " + workspace.number());
        Chromium.screenshot(browser, "sso-login");
        button.click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(person.username);
        browser.findElement(By.id("password")).sendKeys(TestIdentityProvider.PASSWORD);
        Chromium.screenshot(browser, "sso-provider");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-user"), "user person"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".accounts-view")));
        assertThat(browser.getTitle()).isEqualTo("Accounts · Breakglass");
        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/");
        Chromium.screenshot(browser, "sso-accounts");
    }
}
