package dev.breakglass.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.breakglass.paste.CodeOrder;
import dev.breakglass.paste.PasteBytes;
import dev.breakglass.paste.PasteReader;
import dev.breakglass.paste.Recognition;
import dev.breakglass.plugin.CodeFormat;
import dev.breakglass.plugin.FormatReading;
import dev.breakglass.plugin.Paste;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Tests a {@link CodeFormat} the way Breakglass runs it: the text goes through the same parsing contract
 * ({@link PasteReader}) before the format reads it, and the codes come out in the same order ({@link CodeOrder}).
 *
 * <pre>{@code
 * class GitHubFormatTest {
 *     private final FormatTestKit kit = FormatTestKit.of(new GitHubFormat());
 *
 *     @TestFactory
 *     Stream<DynamicTest> fixtures() {
 *         return kit.fixtureTests();   // every src/test/resources/fixtures/NAME.* with a NAME.expected beside it
 *     }
 *
 *     @Test
 *     void facts() {
 *         kit.assertFacts();
 *     }
 * }
 * }</pre>
 *
 * <p>An {@code .expected} file lists the codes one per line, as the format saves them, in order. Lines starting
 * with {@code #} are comments; {@code unreadable: 2} says how many lines must be reported as unreadable;
 * {@code recognised: yes} says the paste names the app well enough for Breakglass to pick this format unasked
 * (confidence at least {@value dev.breakglass.paste.Recognition#THRESHOLD}).
 */
public final class FormatTestKit {

    /** The confidence Breakglass asks of a format the account's app did not point at. */
    public static final double RECOGNISED = Recognition.THRESHOLD;

    private static final String FIXTURES = "fixtures";
    private static final String EXPECTED = ".expected";

    private final CodeFormat format;

    private FormatTestKit(CodeFormat format) {
        this.format = format;
    }

    /** A kit for one format. */
    public static FormatTestKit of(CodeFormat format) {
        return new FormatTestKit(format);
    }

    /** The paste as the format receives it. */
    public Paste paste(String text) {
        return PasteReader.read(text);
    }

    /** What the format reads in a text, before ordering. */
    public FormatReading reading(String text) {
        return format.read(paste(text));
    }

    /** The codes Breakglass would save from a text: ordered, each once. */
    public List<String> codesIn(String text) {
        Paste paste = paste(text);
        return CodeOrder.codes(paste, format.read(paste));
    }

    /** Asserts that a text reads as exactly these codes, in this order. */
    public void assertReads(String text, String... expected) {
        assertEquals(List.of(expected), codesIn(text), () -> format.id() + " read other codes");
    }

    /** Asserts that a text holds none of this format's codes. */
    public void assertReadsNothing(String text) {
        assertEquals(List.of(), codesIn(text), () -> format.id() + " found codes where there are none");
    }

    /** The format's confidence in a text. */
    public double confidence(String text) {
        return format.confidence(paste(text));
    }

    /**
     * Asserts the facts every format must get right: an id and name, app keys, an https settings page, a sensible
     * expected count, and no confidence or reading on an empty paste.
     */
    public void assertFacts() {
        assertTrue(format.id().matches("[a-z0-9][a-z0-9-]{0,63}"), "id is lower case letters, digits and dashes");
        assertFalse(format.displayName().isBlank(), "display name");
        assertFalse(format.appKeys().isEmpty(), "at least one app key");
        format.settingsPage().ifPresent(page -> assertEquals("https", page.getScheme(), "settings page uses https"));
        format.expectedCodeCount().ifPresent(count -> assertTrue(count > 0 && count <= 100, "expected count 1..100"));
        if (!format.supportsBackupCodes()) {
            assertTrue(format.expectedCodeCount().isEmpty(), "an app without backup codes expects none");
        }
        Paste empty = new Paste(List.of());
        assertEquals(0.0, format.confidence(empty), "confidence in an empty paste");
        assertTrue(format.read(empty).codes().isEmpty(), "codes in an empty paste");
    }

    /** One test per fixture in {@code src/test/resources/fixtures} that has a {@code .expected} file beside it. */
    public Stream<DynamicTest> fixtureTests() {
        List<Path> fixtures = fixtures();
        if (fixtures.isEmpty()) {
            fail("No fixtures with .expected files under src/test/resources/" + FIXTURES);
        }
        return fixtures.stream()
                .map(fixture ->
                        DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> assertFixture(fixture)));
    }

    private void assertFixture(Path fixture) throws IOException {
        // Read as Breakglass reads a pasted file, so that a fixture means the same here as in the app.
        String text = PasteBytes.decode(Files.readAllBytes(fixture));
        Expectation expected = Expectation.read(expectedFileOf(fixture));
        Paste paste = paste(text);
        FormatReading reading = format.read(paste);
        assertEquals(expected.codes(), CodeOrder.codes(paste, reading), () -> fixture.getFileName() + ": codes");
        if (expected.unreadable() >= 0) {
            assertEquals(
                    expected.unreadable(),
                    reading.unreadable().size(),
                    () -> fixture.getFileName() + ": unreadable lines");
        }
        double confidence = format.confidence(paste);
        assertTrue(confidence >= 0 && confidence <= 1, "confidence between 0 and 1");
        if (expected.recognised() != null) {
            assertEquals(
                    expected.recognised(),
                    confidence >= RECOGNISED,
                    () -> fixture.getFileName() + ": recognised unasked (confidence " + confidence + ")");
        }
        for (String code : expected.codes()) {
            assertFalse(format.display(code).isBlank(), "display form of a code");
        }
    }

    private List<Path> fixtures() {
        URL root = format.getClass().getClassLoader().getResource(FIXTURES);
        if (root == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
            return files.filter(file -> !file.toString().endsWith(EXPECTED))
                    .filter(file -> Files.exists(expectedFileOf(file)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path expectedFileOf(Path fixture) {
        String name = fixture.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return fixture.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + EXPECTED);
    }

    /** What a fixture must read as. */
    private record Expectation(List<String> codes, int unreadable, Boolean recognised) {

        static Expectation read(Path file) throws IOException {
            List<String> codes = new ArrayList<>();
            int unreadable = -1;
            Boolean recognised = null;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (trimmed.startsWith("unreadable:")) {
                    unreadable = Integer.parseInt(
                            trimmed.substring("unreadable:".length()).strip());
                } else if (trimmed.startsWith("recognised:")) {
                    recognised = trimmed.substring("recognised:".length())
                            .strip()
                            .toLowerCase(Locale.ROOT)
                            .startsWith("y");
                } else {
                    codes.add(trimmed);
                }
            }
            return new Expectation(codes, unreadable, recognised);
        }
    }
}
