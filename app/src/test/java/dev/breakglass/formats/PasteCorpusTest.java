package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realistic-paste collection in {@code src/test/resources/paste-corpus} (kept apart from the plugins' fixtures,
 * random codes): each paste is read with the real bundled plugins and compared with its expectation. At least 97%
 * must be read exactly, and no look-alike secret may ever be accepted as codes.
 */
class PasteCorpusTest {

    private static final double REQUIRED = 0.97;

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

    @Test
    void realisticPastes_areReadExactly_andNoLookAlikeIsAccepted() throws IOException, URISyntaxException {
        List<Case> cases = cases();
        List<String> wrong = new ArrayList<>();
        List<String> lookAlikesAccepted = new ArrayList<>();
        for (Case paste : cases) {
            Outcome outcome = read(paste);
            if (!outcome.equals(paste.expected())) {
                wrong.add(paste.name() + " -> " + outcome.describe());
                if (paste.expected().refusal().isPresent() && outcome.refusal().isEmpty()) {
                    lookAlikesAccepted.add(paste.name());
                }
            }
        }
        double exact = (cases.size() - wrong.size()) / (double) cases.size();
        System.out.printf(
                Locale.ROOT,
                "Paste corpus: %d of %d read exactly (%.1f%%), %d look-alikes accepted%n",
                cases.size() - wrong.size(),
                cases.size(),
                exact * 100,
                lookAlikesAccepted.size());
        wrong.forEach(line -> System.out.println("  not exact: " + line));

        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        assertThat(lookAlikesAccepted).isEmpty();
        assertThat(exact).as("share read exactly; not exact: %s", wrong).isGreaterThanOrEqualTo(REQUIRED);
    }

    private static Outcome read(Case paste) {
        try {
            return new Outcome(reader.read(paste.text(), paste.app()).codes(), Optional.empty());
        } catch (PasteRejectedException e) {
            return new Outcome(List.of(), Optional.of(e.problem().code()));
        }
    }

    private static List<Case> cases() throws IOException, URISyntaxException {
        Path folder = Path.of(PasteCorpusTest.class.getResource("/paste-corpus").toURI());
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path text : files.filter(file -> file.toString().endsWith(".txt"))
                    .sorted()
                    .toList()) {
                String name = text.getFileName().toString().replaceFirst("\\.txt$", "");
                cases.add(Case.of(name, Files.readString(text), folder.resolve(name + ".expected")));
            }
        }
        return cases;
    }

    /** One paste: its text, the account's app (null: none) and what reading it must give. */
    private record Case(String name, String text, String app, Outcome expected) {

        static Case of(String name, String text, Path expectation) throws IOException {
            String app = null;
            Optional<String> refusal = Optional.empty();
            List<String> codes = new ArrayList<>();
            for (String line : Files.readAllLines(expectation, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("app: ")) {
                    String value = line.substring("app: ".length()).strip();
                    app = value.equals("none") ? null : value;
                } else if (line.startsWith("refused: ")) {
                    refusal = Optional.of(line.substring("refused: ".length()).strip());
                } else {
                    codes.add(line.strip());
                }
            }
            if (refusal.isEmpty() && codes.isEmpty()) {
                throw new IllegalStateException(expectation + " expects neither codes nor a refusal");
            }
            return new Case(name, text, app, new Outcome(codes, refusal));
        }
    }

    /** The codes read, or the refusal's code ({@code no_codes}); never both. */
    private record Outcome(List<String> codes, Optional<String> refusal) {

        String describe() {
            return refusal.map(code -> "refused " + code).orElse(codes.size() + " codes " + codes);
        }
    }
}
