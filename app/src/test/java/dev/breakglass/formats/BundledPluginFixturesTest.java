package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.paste.PasteBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bundled plugin's fixtures, read by the app with all bundled plugins running: with the app named, its own
 * format reads them; unasked, no other plugin's format takes them (the own format, or the generic reader when the paste
 * does not name the app). A plugin whose fixtures another format claims would steal real pastes.
 */
class BundledPluginFixturesTest {

    @TempDir
    static Path data;

    private static StandaloneFormats formats;
    private static CodeReader reader;

    @BeforeAll
    static void loadPlugins() {
        formats = StandaloneFormats.open(data, Duration.ofSeconds(5));
        reader = formats.reader();
    }

    @AfterAll
    static void closePlugins() {
        formats.close();
    }

    @TestFactory
    Stream<DynamicTest> everyFixture_picksItsOwnFormatAndNobodyElses() {
        return PluginModules.bundled().stream()
                .flatMap(module -> fixturesOf(module).stream()
                        .map(fixture -> DynamicTest.dynamicTest(
                                module.name() + "/" + fixture.getFileName(),
                                () -> assertPicksItsOwn(module, fixture))));
    }

    private static void assertPicksItsOwn(PluginModules module, Path fixture) throws IOException {
        List<FormatInfo> own = reader.formats().stream()
                .filter(format -> format.pluginId().equals(Optional.of(module.pluginId())))
                .toList();
        assertThat(own).as("formats of plugin " + module.pluginId()).isNotEmpty();
        List<String> ownIds = own.stream().map(FormatInfo::id).toList();
        String text = PasteBytes.decode(Files.readAllBytes(fixture));
        boolean expectsCodes = expectsCodes(fixture);
        String appKey = own.get(0).appKeys().iterator().next();

        Optional<String> asked = formatReading(text, appKey);
        if (expectsCodes) {
            assertThat(asked)
                    .as("format with --app " + appKey)
                    .hasValueSatisfying(id -> assertThat(ownIds).contains(id));
        }
        Optional<String> unasked = formatReading(text, null);
        assertThat(unasked)
                .as("format that reads it unasked")
                .satisfiesAnyOf(
                        id -> assertThat(id).isEmpty(),
                        id -> assertThat(id)
                                .hasValueSatisfying(value -> assertThat(value)
                                        .isIn(Stream.concat(ownIds.stream(), Stream.of(GenericFormat.ID))
                                                .toList())));
        if (recognised(fixture)) {
            assertThat(unasked)
                    .as("a paste that names the app, unasked")
                    .hasValueSatisfying(id -> assertThat(ownIds).contains(id));
        }
    }

    private static Optional<String> formatReading(String text, String appKey) {
        try {
            return Optional.of(reader.read(text, appKey).formatId());
        } catch (PasteRejectedException e) {
            return Optional.empty();
        }
    }

    private static List<Path> fixturesOf(PluginModules module) {
        Path folder = module.folder().resolve("src/test/resources/fixtures");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".expected"))
                    .filter(file -> Files.exists(expectation(file)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path expectation(Path fixture) {
        String name = fixture.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return fixture.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".expected");
    }

    private static List<String> expectationLines(Path fixture) {
        try {
            return Files.readAllLines(expectation(fixture)).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean expectsCodes(Path fixture) {
        return expectationLines(fixture).stream().anyMatch(line -> !line.contains(":"));
    }

    private static boolean recognised(Path fixture) {
        return expectationLines(fixture).stream()
                .anyMatch(line -> line.replace(" ", "").equalsIgnoreCase("recognised:yes"));
    }
}
