package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The realistic-paste collection in {@code src/test/resources/paste-corpus} (kept apart from the plugins' fixtures,
 * random codes): each paste is read with the real bundled plugins and compared with its expectation, code for code
 * as saved. At least 97% must be read exactly, and no look-alike secret may ever be accepted as codes.
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
        List<PasteCollection.Case> cases =
                PasteCollection.load(Path.of(Objects.requireNonNull(PasteCorpusTest.class.getResource("/paste-corpus"))
                        .toURI()));

        PasteCollection.Figure figure = PasteCollection.measure(reader, cases, PasteCollection.Outcome::equals);
        figure.print("Paste corpus", System.out);

        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        assertThat(figure.lookAlikesAccepted()).isEmpty();
        assertThat(figure.exactShare())
                .as("share read exactly; not exact: %s", figure.misses())
                .isGreaterThanOrEqualTo(REQUIRED);
    }
}
