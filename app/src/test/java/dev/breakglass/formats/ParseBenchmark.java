package dev.breakglass.formats;

import dev.breakglass.paste.PasteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Times {@link CodeReader#read} with the bundled plugins, for a typical paste and for a 64 KiB one. A development
 * tool, not a test and not part of the product jar: run it from the repository root with
 * {@code ./mvnw -q -pl app test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.breakglass.formats.ParseBenchmark}. It prints the median and 95th percentile in
 * milliseconds, after a warm-up, with and without an app hint (without one, every format scores the paste).
 */
public final class ParseBenchmark {

    private static final int WARM_UP = 300;
    private static final int RUNS = 1000;

    private ParseBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        Path data = Files.createTempDirectory("breakglass-benchmark");
        try (FormatPlugins plugins = PluginLocations.of(null, data).load(Clock.systemUTC());
                CodeReader reader = new CodeReader(plugins, Duration.ofSeconds(1))) {
            String typical = typicalPaste();
            String large = largePaste();
            System.out.printf("plugins: %d formats%n", plugins.formats().size());
            report("typical paste (" + typical.length() + " chars), app hint", reader, typical, "google");
            report("typical paste, no hint", reader, typical, null);
            report("64 KiB paste, shared contract only", () -> PasteReader.read(large));
            report("64 KiB paste (" + large.length() + " chars), app hint", reader, large, "google");
            report("64 KiB paste, no hint", reader, large, null);
        }
    }

    private static void report(String label, CodeReader reader, String paste, String appKey) {
        report(label, () -> reader.read(paste, appKey));
    }

    private static void report(String label, Runnable parse) {
        for (int i = 0; i < WARM_UP; i++) {
            parse.run();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            parse.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%-50s median %.3f ms, p95 %.3f ms%n", label, nanos[RUNS / 2] / 1e6, nanos[RUNS * 95 / 100] / 1e6);
    }

    /** Google's download file: a header, ten codes in two numbered columns, a footer. */
    static String typicalPaste() {
        return """
                SAVE YOUR BACKUP CODES
                Keep these backup codes somewhere safe but accessible.

                1. 6165 1728    6. 4881 3465
                2. 6233 5735    7. 3359 7146
                3. 3720 7276    8. 7579 4750
                4. 3087 3821    9. 0271 3405
                5. 4241 0504    10. 2328 5554

                (alice@acme.test)
                * You can only use each backup code once.
                * These codes were generated on: Nov 28, 2026
                """;
    }

    /** A whole settings page copied from the browser: lines of text around the codes, just under 64 KiB. */
    static String largePaste() {
        String text = IntStream.range(0, 900)
                .mapToObj(i ->
                        "Security settings line %03d: review your sign-in methods and recent activity.".formatted(i))
                .collect(Collectors.joining("\n"));
        return text.substring(0, 64 * 1024 - typicalPaste().length() - 2) + "\n" + typicalPaste();
    }
}
