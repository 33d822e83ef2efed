package dev.breakglass.browser;

import com.sun.management.HotSpotDiagnosticMXBean;
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
        properties = {"breakglass.test.embedded-defaults=true", "breakglass.demo=true"})
class SessionsAndSavesBrowserBenchmark {

    private static final int WARM_UP = 3;
    private static final int RUNS = 10;
    private static final int SESSIONS = 20;
    /** Tomcat's default connection and keep-alive timeout (Spring Boot sets neither). */
    private static final int KEEP_ALIVE_SECONDS = 60;

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
        signIn("http://localhost:" + port);
        if (!Boolean.getBoolean("breakglass.benchmark.sessions-only")) {
            roundTrips();
        }
        sessions();
    }

    /** Save Codes and View codes against a no-op round trip, in the first tab. */
    private void roundTrips() {
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
            if (run == 0) {
                // Signing in is no step-up: the first View codes asks for the password (a warm-up round)
                browser.findElement(By.id("view-codes")).click();
                Chromium.confirmWithPassword(browser, wait, "breakglass-demo");
                wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(
                        By.cssSelector("#revealed-codes .code-value")));
                openGitHub();
                wait.until(ExpectedConditions.elementToBeClickable(By.id("view-codes")));
            }
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
    }

    /** The heap per signed-in session, from the growth between N and 2N sessions, and what holds it. */
    private void sessions() throws Exception {
        fixtures.forgetAllCodes();
        for (int i = 0; i < SESSIONS; i++) {
            newSessionOnAccountPage(i);
        }
        long heapAtFirst = usedHeapAfterIdle();
        dumpHeap(SESSIONS);
        // kept on disk, not in the heap, until the second histogram has been taken
        Path classesAtFirst = Files.createTempFile("breakglass-histogram", ".txt");
        Files.writeString(classesAtFirst, classHistogram());
        for (int i = SESSIONS; i < 2 * SESSIONS; i++) {
            newSessionOnAccountPage(i);
        }
        long heapAtSecond = usedHeapAfterIdle();
        dumpHeap(2 * SESSIONS);
        Map<String, Long> second = bytesByClass(classHistogram());
        Map<String, Long> first = bytesByClass(Files.readString(classesAtFirst));
        Files.delete(classesAtFirst);
        System.out.println("What the last " + SESSIONS + " sessions added, by class (bytes per session):");
        second.entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue() - first.getOrDefault(entry.getKey(), 0L)))
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
        String dumps = System.getProperty("breakglass.benchmark.heap-dumps");
        if (dumps != null) {
            HeapOwners.main(new String[] {
                Path.of(dumps, "sessions-" + SESSIONS + ".hprof").toString(),
                Path.of(dumps, "sessions-" + 2 * SESSIONS + ".hprof").toString(),
                String.valueOf(SESSIONS)
            });
        }
    }

    /**
     * A browser tab of its own with a session of its own, signed in, on GitHub's page. Each session's tab opens the
     * app at a loopback address of its own (127.0.0.2, .3, ...), so each has its own cookies and no tab's session is
     * disturbed by another's sign-in (tabs share one cookie jar per host).
     */
    private void newSessionOnAccountPage(int session) {
        browser.switchTo().newWindow(WindowType.TAB);
        signIn("http://127.0.0." + (2 + session) + ":" + port);
        // the card opens the account in the same page (no reload, so no second UI in the session)
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.account-card[data-label='GitHub']")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#emergency-controls vaadin-details-summary")))
                .click();
    }

    private void signIn(String app) {
        browser.get(app + "/");
        WebElement username =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        username.sendKeys("alice@acme.test");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("breakglass-demo", Keys.ENTER);
        try {
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.account-card[data-label='GitHub']")));
        } catch (RuntimeException e) {
            Chromium.screenshot(browser, "benchmark-sign-in");
            System.out.println("SIGN-IN FAILED at " + browser.getCurrentUrl() + "\n" + browser.getPageSource());
            throw e;
        }
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

    /** The JVM's own class histogram of the live heap (taken after a full GC). */
    private static String classHistogram() throws Exception {
        return (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
    }

    private static Map<String, Long> bytesByClass(String histogram) {
        Map<String, Long> bytes = new HashMap<>();
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":")) {
                bytes.merge(columns[3], Long.parseLong(columns[2]), Long::sum);
            }
        }
        return bytes;
    }

    /** With {@code -Dbreakglass.benchmark.heap-dumps=DIR}: a dump of the live heap, for {@link HeapOwners}. */
    private static void dumpHeap(int sessions) throws Exception {
        String dir = System.getProperty("breakglass.benchmark.heap-dumps");
        if (dir != null) {
            Path file = Path.of(dir, "sessions-" + sessions + ".hprof");
            Files.deleteIfExists(file);
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
            System.out.println("Heap dump: " + file);
        }
    }

    /**
     * The used heap after three full GCs, once the browser's idle keep-alive connections have closed: they belong to
     * the browser, not to a session (one per host here, each tab on a host of its own), and Tomcat closes them after
     * {@value #KEEP_ALIVE_SECONDS} s. The push connection of every open tab stays.
     */
    private static long usedHeapAfterIdle() throws InterruptedException {
        Thread.sleep((KEEP_ALIVE_SECONDS + 5) * 1000L);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
