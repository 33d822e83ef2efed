package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Collections of realistic pastes written by other people, blind to the parser ({@code
 * src/test/resources/independent-pastes/a}, {@code b}, ...; see the README there): each paste is read with the real
 * bundled plugins, and its codes compared as a person would (ignoring case and spaces or hyphens inside a code; how
 * many and in which order count). Every collection present is measured and printed; each must be read at least 97%
 * exactly, with no look-alike secret accepted, except a collection held out from the parser's development: nobody read
 * its cases to change the parser, so its figure is the honest one, and it may not get worse than when it was measured
 * (the README says how far it is from the bar). A development collection that has not reached the bar yet is held the
 * same way to what it last read.
 */
class IndependentPastesTest {

    private static final double REQUIRED = 0.97;

    /**
     * Held-out collections and what they read when first measured (after the rounds of fixes on the development
     * collections, none of which read them): at least that many exact, at most that many accepted.
     */
    private static final Map<String, Measured> HELD_OUT = Map.of("s", new Measured(155, 0), "t", new Measured(171, 0));

    /**
     * Development collections (the parser was fixed against them) that do not reach the bar yet, and what they read
     * when last measured: at least that many exact, at most that many accepted. {@code l} has 18 cases (its writer
     * was cut off), so one miss is 5.6%.
     */
    private static final Map<String, Measured> DEVELOPMENT_BELOW_BAR = Map.of("l", new Measured(17, 0));

    private record Measured(int exact, int lookAlikesAccepted) {}

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
    void collectionA_andTheHeldOutOnes_arePresent() throws IOException, URISyntaxException {
        assertThat(collections()).contains("a").containsAll(HELD_OUT.keySet());
    }

    @ParameterizedTest(name = "collection {0}")
    @MethodSource("collections")
    void independentPastes_areReadExactly_andNoLookAlikeIsAccepted(String collection) throws Exception {
        List<PasteCollection.Case> cases = PasteCollection.load(root().resolve(collection));

        PasteCollection.Figure figure =
                PasteCollection.measure(reader, cases, PasteCollection.Outcome::sameCanonically);
        figure.print("Independent pastes, collection " + collection, System.out);

        assertThat(cases).isNotEmpty();
        Measured heldOut = HELD_OUT.getOrDefault(collection, DEVELOPMENT_BELOW_BAR.get(collection));
        if (heldOut != null) {
            System.out.printf(
                    Locale.ROOT,
                    "Collection %s is %s: %.1f%% exact against the %.0f%% the issue asks for, %d look-alikes "
                            + "accepted against none%n",
                    collection,
                    HELD_OUT.containsKey(collection) ? "held out" : "a development collection below the bar",
                    figure.exactShare() * 100,
                    REQUIRED * 100,
                    figure.lookAlikesAccepted().size());
            assertThat(cases.size() - figure.misses().size())
                    .as("exact, never fewer than when the collection was last measured; not exact: %s", figure.misses())
                    .isGreaterThanOrEqualTo(heldOut.exact());
            assertThat(figure.lookAlikesAccepted()).hasSizeLessThanOrEqualTo(heldOut.lookAlikesAccepted());
            return;
        }
        assertThat(figure.lookAlikesAccepted()).isEmpty();
        assertThat(figure.exactShare())
                .as("share read exactly; not exact: %s", figure.misses())
                .isGreaterThanOrEqualTo(REQUIRED);
    }

    /** The collections present: every folder under {@code independent-pastes}. */
    static List<String> collections() throws IOException, URISyntaxException {
        try (Stream<Path> folders = Files.list(root())) {
            return folders.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    private static Path root() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(IndependentPastesTest.class.getResource("/independent-pastes"))
                .toURI());
    }
}
