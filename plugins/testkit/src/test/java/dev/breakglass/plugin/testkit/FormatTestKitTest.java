package dev.breakglass.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.pf4j.Extension;

/** The kit fails on every mistake a plugin author can make in fixtures or registration, naming where it is. */
class FormatTestKitTest {

    private static final String PASTE = "Acme backup codes\n1234-5678\n2345-6789\n";

    @TempDir
    Path fixtures;

    @Test
    void wellFormedFixture_passes() throws IOException {
        write("download.txt", PASTE);
        write("download.expected", "# the codes\n12345678\n23456789\nunreadable: 1\nrecognised: yes\n");

        Map<String, Throwable> outcomes = run();

        assertEquals(Map.of("registered as a PF4J extension", "ok", "download.txt", "ok"), summary(outcomes));
    }

    @Test
    void fixtureWithoutExpectation_failsNamingTheFile() throws IOException {
        write("download.txt", PASTE);
        write("download.expected", "12345678\n23456789\n");
        write("settings-page.html", "<p>1234-5678</p>");

        String failure = message(run().get("settings-page.html"));

        assertTrue(failure.contains("settings-page.html has no expectation"), failure);
        assertTrue(failure.contains("settings-page.expected"), failure);
    }

    @Test
    void expectationWithoutFixture_fails() throws IOException {
        write("download.txt", PASTE);
        write("download.expected", "12345678\n23456789\n");
        write("orphan.expected", "12345678\n");

        assertTrue(message(run().get("orphan.expected")).contains("orphan.expected has no fixture"));
    }

    @Test
    void unknownKey_failsNamingTheFileLineAndKey() throws IOException {
        write("download.txt", PASTE);
        write("download.expected", "12345678\n23456789\nrecognized: yes\n");

        String failure = message(run().get("download.txt"));

        assertTrue(failure.contains("download.expected line 3"), failure);
        assertTrue(failure.contains("unknown key 'recognized'"), failure);
    }

    @Test
    void valueOfTheWrongKind_failsNamingTheKey() throws IOException {
        write("download.txt", PASTE);
        write("download.expected", "12345678\nunreadable: two\n");
        write("copy.txt", PASTE);
        write("copy.expected", "12345678\nrecognised: maybe\n");
        write("twice.txt", PASTE);
        write("twice.expected", "unreadable: 1\nunreadable: 1\n");

        Map<String, Throwable> outcomes = run();

        assertTrue(message(outcomes.get("download.txt")).contains("line 2: key 'unreadable' needs a whole number"));
        assertTrue(message(outcomes.get("copy.txt")).contains("key 'recognised' is 'yes' or 'no', not 'maybe'"));
        assertTrue(message(outcomes.get("twice.txt")).contains("line 2: key 'unreadable' is given twice"));
    }

    @Test
    void wrongCodes_fail() throws IOException {
        write("download.txt", PASTE);
        write("download.expected", "12345678\n99999999\n");

        assertTrue(run().get("download.txt") instanceof AssertionFailedError);
    }

    @Test
    void classWithoutExtensionAnnotation_failsRegistration() {
        FormatTestKit kit = FormatTestKit.of(new UnannotatedFormat());

        String failure = message(assertThrows(AssertionFailedError.class, kit::assertRegistered));

        assertTrue(failure.contains(UnannotatedFormat.class.getName() + " is not annotated with @org.pf4j.Extension"));
        assertThrows(AssertionFailedError.class, kit::assertFacts);
    }

    @Test
    void annotatedClassTheProcessorDidNotIndex_failsRegistration() {
        FormatTestKit kit = FormatTestKit.of(new UnindexedFormat());

        String failure = message(assertThrows(AssertionFailedError.class, kit::assertRegistered));

        assertTrue(failure.contains("is not listed in META-INF/extensions.idx"), failure);
    }

    @Test
    void registeredFormat_passesFacts() {
        assertDoesNotThrow(FormatTestKit.of(new RegisteredFormat())::assertFacts);
    }

    private Map<String, Throwable> run() {
        Map<String, Throwable> outcomes = new LinkedHashMap<>();
        FormatTestKit.of(new RegisteredFormat())
                .fixturesIn(fixtures)
                .fixtureTests()
                .forEach(test -> outcomes.put(test.getDisplayName(), outcome(test)));
        return outcomes;
    }

    private static Throwable outcome(DynamicTest test) {
        try {
            test.getExecutable().execute();
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    private static Map<String, String> summary(Map<String, Throwable> outcomes) {
        Map<String, String> summary = new LinkedHashMap<>();
        outcomes.forEach((name, failure) -> summary.put(name, failure == null ? "ok" : message(failure)));
        return summary;
    }

    private static String message(Throwable failure) {
        assertTrue(failure instanceof AssertionFailedError, () -> "expected a test failure, got " + failure);
        return failure.getMessage();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(fixtures.resolve(name), text);
    }

    private static FormatFacts acme() {
        return FormatFacts.of("acme", "Acme").expectedCodes(2).settingsPage("https://acme.example/2fa");
    }

    private static final Pattern CODE = Pattern.compile("\\d{4}-\\d{4}");

    /** Listed in this module's hand-written META-INF/extensions.idx. */
    @Extension
    public static final class RegisteredFormat extends LineCodeFormat {
        public RegisteredFormat() {
            super(acme(), CODE);
        }

        @Override
        protected String canonical(String matched) {
            return matched.replace("-", "");
        }
    }

    public static final class UnannotatedFormat extends LineCodeFormat {
        public UnannotatedFormat() {
            super(acme(), CODE);
        }
    }

    @Extension
    public static final class UnindexedFormat extends LineCodeFormat {
        public UnindexedFormat() {
            super(acme(), CODE);
        }
    }
}
