package dev.breakglass.browser;

import dev.breakglass.testing.Fixtures;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A benchmark, not a test (Surefire does not pick it by name), in headless Chromium against the running app on its
 * embedded defaults, in one run: Save Codes and View codes against a no-op round trip (Cancel in the Add codes
 * dialog), medians of {@value #RUNS}; then the heap each signed-in session on an account page holds after a full
 * GC, from the growth between {@value #SESSIONS} and twice as many sessions (so one-time caches do not count). Run
 * with {@code ./mvnw -pl app test -Dtest=SessionsAndSavesBrowserBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * see docs/benchmarks.md.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "breakglass.test.embedded-defaults=true")
class SessionsAndSavesBrowserBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = 10;
    private static final int SESSIONS = 10;

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    ChromeDriver browser;
    WebDriverWait wait;

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) throws Exception {
        Path dataDir = Files.createTempDirectory("breakglass-browser-benchmark");
        registry.add("breakglass.data-dir", dataDir::toString);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void savesAndSessions() throws Exception {
        browser = Chromium.start();
        // polled often: the default half second would round every measured round trip up to it
        wait = new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(5));
        signIn();
        List<Long> noOp = new ArrayList<>();
        List<Long> save = new ArrayList<>();
        List<Long> view = new ArrayList<>();
        for (int run = 0; run < WARM_UP + RUNS; run++) {
            fixtures.forgetAllCodes();
            openGitHub();
            pasteCodes();
            long cancel = timed(() -> {
                browser.findElement(By.id("cancel-add-codes")).click();
                return wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("backup-codes-input")));
            });
            pasteCodes();
            long saved = timed(() -> {
                browser.findElement(By.id("save-codes")).click();
                return wait.until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("vaadin-notification-card"), "backup codes saved"));
            });
            wait.until(ExpectedConditions.elementToBeClickable(By.id("view-codes")));
            long viewed = timed(() -> {
                browser.findElement(By.id("view-codes")).click();
                return wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(
                        By.cssSelector("#revealed-codes .code-value")));
            });
            if (run >= WARM_UP) {
                noOp.add(cancel);
                save.add(saved);
                view.add(viewed);
            }
        }
        double noOpMs = median(noOp);
        System.out.printf(
                "Round trips (medians of %d): no-op (Cancel) %.0f ms; Save Codes %.0f ms = %.1f x no-op; View codes"
                        + " %.0f ms = %.1f x no-op%n",
                RUNS, noOpMs, median(save), median(save) / noOpMs, median(view), median(view) / noOpMs);

        fixtures.forgetAllCodes();
        for (int i = 0; i < SESSIONS; i++) {
            newSessionOnAccountPage();
        }
        long heapAtFirst = usedHeapAfterGc();
        Map<String, Long> classesAtFirst = classHistogram();
        for (int i = 0; i < SESSIONS; i++) {
            newSessionOnAccountPage();
        }
        long heapAtSecond = usedHeapAfterGc();
        Map<String, Long> classesAtSecond = classHistogram();
        System.out.println("What the last " + SESSIONS + " sessions added, by class (bytes per session):");
        classesAtSecond.entrySet().stream()
                .map(entry ->
                        Map.entry(entry.getKey(), entry.getValue() - classesAtFirst.getOrDefault(entry.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(30)
                .forEach(entry -> System.out.printf("%10d  %s%n", entry.getValue() / SESSIONS, entry.getKey()));
        System.out.printf(
                "Heap after GC: %d sessions %.1f MB, %d sessions %.1f MB: %.0f KB per signed-in session%n",
                SESSIONS,
                heapAtFirst / 1e6,
                2 * SESSIONS,
                heapAtSecond / 1e6,
                (heapAtSecond - heapAtFirst) / 1024.0 / SESSIONS);
    }

    /** A browser tab of its own with a session of its own (cookies cleared), signed in, on GitHub's page. */
    private void newSessionOnAccountPage() {
        browser.switchTo().newWindow(WindowType.TAB);
        // cookies are deleted for the page's own site only: open a static file of the app first
        browser.get("http://localhost:" + port + "/styles/breakglass.css");
        browser.manage().deleteAllCookies();
        signIn();
        // the card opens the account in the same page (no reload, so no second UI in the session)
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.account-card[data-label='GitHub']")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#emergency-controls vaadin-details-summary")))
                .click();
    }

    private void signIn() {
        browser.get("http://localhost:" + port + "/");
        WebElement username =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        username.sendKeys("alice@acme.test");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("breakglass-demo", Keys.ENTER);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.account-card[data-label='GitHub']")));
    }

    private void openGitHub() {
        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.account-card[data-label='GitHub']")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#emergency-controls vaadin-details-summary")))
                .click();
    }

    private void pasteCodes() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-codes"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#backup-codes-input textarea")))
                .sendKeys("GitHub recovery codes\n" + String.join("\n", GoldenPathBrowserTest.CODES));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("codes-found"), "16 GitHub codes"));
    }

    private static long timed(Supplier<?> action) {
        long start = System.nanoTime();
        action.get();
        return System.nanoTime() - start;
    }

    private static double median(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }

    /** Bytes per class of the live heap (the JVM's own class histogram, taken after a full GC). */
    private static Map<String, Long> classHistogram() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        Map<String, Long> bytes = new HashMap<>();
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":")) {
                bytes.merge(columns[3], Long.parseLong(columns[2]), Long::sum);
            }
        }
        return bytes;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
