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
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.FormatReading;
import dev.breakglass.plugin.Paste;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.pf4j.Extension;

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
 * {@code recognised: yes} (or {@code no}) says whether the paste names the app well enough for Breakglass to pick
 * this format unasked (confidence at least {@value dev.breakglass.paste.Recognition#THRESHOLD}).
 *
 * <p>The kit is strict, so that a mistake in a fixture fails rather than tests less: a fixture without its
 * {@code .expected}, an {@code .expected} without its fixture, an unknown or repeated key, a value that is not a
 * whole number or yes/no, and a format class that PF4J would not find (no {@code @Extension}, or no
 * {@code META-INF/extensions.idx} entry because the annotation processor did not run) each fail, naming the file,
 * line and key or the class.
 */
public final class FormatTestKit {

    /** The confidence Breakglass asks of a format the account's app did not point at. */
    public static final double RECOGNISED = Recognition.THRESHOLD;

    private static final String FIXTURES = "fixtures";
    private static final String EXPECTED = ".expected";
    private static final String EXTENSIONS_INDEX = "META-INF/extensions.idx";
    private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z][A-Za-z _-]*):(.*)");

    private final CodeFormat format;
    private final Path fixtureFolder;

    private FormatTestKit(CodeFormat format, Path fixtureFolder) {
        this.format = format;
        this.fixtureFolder = fixtureFolder;
    }

    /** A kit for one format, with the fixtures under {@code fixtures/} on the format's class path. */
    public static FormatTestKit of(CodeFormat format) {
        return new FormatTestKit(format, null);
    }

    /** The same kit reading its fixtures from another folder. */
    public FormatTestKit fixturesIn(Path folder) {
        return new FormatTestKit(format, folder);
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
        assertRegistered();
        assertTrue(FormatFacts.isValidId(format.id()), "id is lower case letters, digits and dashes");
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

    /**
     * Asserts that PF4J would find the format in a plugin jar: the class is annotated with {@code @Extension}, and
     * the annotation processor listed it in {@code META-INF/extensions.idx}. Without either, the plugin loads but
     * offers no format.
     */
    public void assertRegistered() {
        Class<?> type = format.getClass();
        if (!type.isAnnotationPresent(Extension.class)) {
            fail(type.getName() + " is not annotated with @org.pf4j.Extension: PF4J would load the plugin but never "
                    + "find this format. Put @Extension on the class.");
        }
        if (!indexedExtensions(type.getClassLoader()).contains(type.getName())) {
            fail(type.getName() + " is not listed in " + EXTENSIONS_INDEX + ": PF4J's annotation processor did not "
                    + "run. Name org.pf4j.processor.ExtensionAnnotationProcessor in maven-compiler-plugin's "
                    + "annotationProcessors (the plugins parent POM does).");
        }
    }

    /**
     * One test per fixture in {@code src/test/resources/fixtures}, each with its {@code .expected} file beside it,
     * and one that the format is registered as an extension. A fixture without its expectation, or an expectation
     * without its fixture, is a failing test of its own.
     */
    public Stream<DynamicTest> fixtureTests() {
        List<Path> files = fixtureFiles();
        List<Path> fixtures = files.stream()
                .filter(file -> !isExpectation(file))
                .filter(file -> Files.exists(expectedFileOf(file)))
                .toList();
        if (fixtures.isEmpty()) {
            fail("No fixtures with .expected files under src/test/resources/" + FIXTURES);
        }
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("registered as a PF4J extension", this::assertRegistered));
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (isExpectation(file)) {
                if (fixtureOf(files, file).isEmpty()) {
                    tests.add(DynamicTest.dynamicTest(
                            name,
                            () -> fail(FIXTURES + "/" + name + " has no fixture beside it (a file with the same name "
                                    + "and another extension, such as .txt)")));
                }
            } else if (Files.exists(expectedFileOf(file))) {
                tests.add(DynamicTest.dynamicTest(name, () -> assertFixture(file)));
            } else {
                tests.add(DynamicTest.dynamicTest(
                        name,
                        () -> fail(FIXTURES + "/" + name + " has no expectation: add "
                                + expectedFileOf(file).getFileName() + " with the codes it must read")));
            }
        }
        return tests.stream();
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

    private List<Path> fixtureFiles() {
        Path folder;
        if (fixtureFolder != null) {
            folder = fixtureFolder;
        } else {
            URL root = format.getClass().getClassLoader().getResource(FIXTURES);
            if (root == null) {
                return List.of();
            }
            try {
                folder = Path.of(root.toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isExpectation(Path file) {
        return file.getFileName().toString().endsWith(EXPECTED);
    }

    private static Optional<Path> fixtureOf(List<Path> files, Path expectation) {
        return files.stream()
                .filter(file -> !isExpectation(file))
                .filter(file -> expectedFileOf(file).equals(expectation))
                .findFirst();
    }

    private static Set<String> indexedExtensions(ClassLoader loader) {
        Set<String> names = new HashSet<>();
        try {
            Enumeration<URL> indexes = loader.getResources(EXTENSIONS_INDEX);
            while (indexes.hasMoreElements()) {
                try (InputStream in = indexes.nextElement().openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .lines()
                            .map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
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
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String trimmed = lines.get(i).strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String where = FIXTURES + "/" + file.getFileName() + " line " + (i + 1);
                Matcher key = KEY_LINE.matcher(trimmed);
                if (!key.matches()) {
                    codes.add(trimmed);
                    continue;
                }
                String name = key.group(1).strip();
                String value = key.group(2).strip();
                switch (name) {
                    case "unreadable" -> {
                        if (unreadable >= 0) {
                            fail(where + ": key 'unreadable' is given twice");
                        }
                        if (!value.matches("\\d{1,4}")) {
                            fail(where + ": key 'unreadable' needs a whole number of lines, such as 'unreadable: 2',"
                                    + " not '" + value + "'");
                        }
                        unreadable = Integer.parseInt(value);
                    }
                    case "recognised" -> {
                        if (recognised != null) {
                            fail(where + ": key 'recognised' is given twice");
                        }
                        String answer = value.toLowerCase(Locale.ROOT);
                        if (!answer.equals("yes") && !answer.equals("no")) {
                            fail(where + ": key 'recognised' is 'yes' or 'no', not '" + value + "'");
                        }
                        recognised = answer.equals("yes");
                    }
                    default ->
                        fail(where + ": unknown key '" + name + "'; the keys are 'unreadable' and 'recognised'"
                                + " (a code never holds a colon)");
                }
            }
            return new Expectation(codes, unreadable, recognised);
        }
    }
}
