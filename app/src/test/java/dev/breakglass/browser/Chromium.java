package dev.breakglass.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Starts Debian's headless Chromium through its ChromeDriver. Without them a local run skips the browser tests
 * loudly; in CI ({@code CI=true}) their absence is a failure.
 */
final class Chromium {

    static final Path BROWSER = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

    private Chromium() {}

    static ChromeDriver start() throws Exception {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            String message = "Browser tests need " + BROWSER + " and " + DRIVER
                    + " (Debian packages chromium and chromium-driver; .ci/run installs them).";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("\n*** SKIPPING BROWSER TESTS *** " + message + "\n");
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--user-data-dir=" + Files.createTempDirectory("breakglass-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** A screenshot in app/target/screenshots, for a person to look at. */
    static void screenshot(ChromeDriver browser, String file) {
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            Files.copy(
                    browser.getScreenshotAs(OutputType.FILE).toPath(),
                    target.resolve(file + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Types the e-mail address and password into the login page at {@code loginUrl}, as a member would. */
    static void signIn(ChromeDriver browser, WebDriverWait wait, String loginUrl, String email, String password) {
        browser.get(loginUrl);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")))
                .sendKeys(email);
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
    }

    /** Answers the Confirm it is you dialog with the password alone. */
    static void confirmWithPassword(ChromeDriver browser, WebDriverWait wait, String password) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#confirm-password input")))
                .sendKeys(password);
        browser.findElement(By.id("confirm-identity")).click();
    }
}
