package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Properties of reading a paste with the real bundled plugins: it never fails on any text up to the size limit
 * other than by refusing it; it never returns a code that is not in the text; line endings, trailing spaces and
 * numbering change nothing; and N codes of a known shape in any supported layout come out as exactly those N.
 */
class CodeReaderPropertiesTest {

    private static Path data;
    private static StandaloneFormats formats;
    private static CodeReader reader;

    @BeforeContainer
    static void loadPlugins() throws IOException {
        data = Files.createTempDirectory("breakglass-properties");
        formats = StandaloneFormats.open(data, Duration.ofSeconds(10));
        reader = formats.reader();
    }

    @AfterContainer
    static void closePlugins() {
        formats.close();
    }

    @Property(tries = 60)
    void anyText_isReadOrRefused_neverFails(@ForAll @StringLength(max = PasteLimits.MAX_BYTES) String text) {
        readOrRefusal(text, null);
    }

    @Property(tries = 300)
    void pasteLikeText_isReadOrRefused_neverFails(@ForAll("pasteLike") String text, @ForAll("appKeys") String app) {
        readOrRefusal(text, app.isEmpty() ? null : app);
    }

    @Property(tries = 300)
    void everyCodeRead_isInThePaste(@ForAll("pasteLike") String text, @ForAll("appKeys") String app) {
        List<String> codes = readOrRefusal(text, app.isEmpty() ? null : app);
        String pasted = bare(text);
        for (String code : codes) {
            assertThat(pasted).contains(bare(code));
        }
    }

    @Property(tries = 200)
    void lineEndingsTrailingSpacesAndNumbering_changeNothing(
            @ForAll("codeSets") CodeSet set, @ForAll("lineEndings") String ending, @ForAll boolean numbered) {
        List<String> lines = new ArrayList<>(set.shown());
        List<String> variant = IntStream.range(0, lines.size())
                .mapToObj(i -> (numbered ? (i + 1) + ". " : "") + lines.get(i) + " ".repeat(i % 3))
                .toList();
        String plain = String.join("\n", lines);
        String changed = String.join(ending, variant) + ending;

        assertThat(reader.read(changed, set.app()).codes())
                .isEqualTo(reader.read(plain, set.app()).codes());
    }

    @Property(tries = 400)
    void nCodesOfAKnownShape_inAnySupportedLayout_areExactlyThoseN(
            @ForAll("codeSets") CodeSet set, @ForAll("layouts") Layout layout) {
        ParsedCodes parsed = reader.read(layout.lay(set.shown()), set.app());

        assertThat(parsed.codes()).hasSize(set.saved().size());
        assertThat(new HashSet<>(parsed.codes())).isEqualTo(new HashSet<>(set.saved()));
    }

    /** The codes read, or none when the paste was refused; anything else thrown fails the property. */
    private static List<String> readOrRefusal(String text, String app) {
        try {
            return reader.read(text, app).codes();
        } catch (PasteRejectedException e) {
            return List.of();
        }
    }

    /** Text as compared for "is in the paste": NFKC, lower case, without white space, dashes and markup quotes. */
    private static String bare(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("</?[a-z][^>]*>", "")
                .replaceAll("[\\s\\-\u00AD\u200B-\u200F\u2060\uFEFF]", "");
    }

    @Provide
    Arbitrary<String> appKeys() {
        return Arbitraries.of("", "google", "github", "gitlab", "discord", "microsoft", "bitwarden", "npm", "acme");
    }

    @Provide
    Arbitrary<String> lineEndings() {
        return Arbitraries.of("\n", "\r\n", "\r");
    }

    /** Fragments that pastes are made of, in any order: codes, words, numbers, markup, marks and separators. */
    @Provide
    Arbitrary<String> pasteLike() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings()
                        .withChars("0123456789abcdef")
                        .ofMinLength(4)
                        .ofMaxLength(70),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40),
                Arbitraries.of(
                        " ",
                        "  ",
                        "\t",
                        "\n",
                        "\r\n",
                        "-",
                        ", ",
                        ";",
                        " | ",
                        "1. ",
                        "#2 ",
                        "- [x] ",
                        "- [ ] ",
                        "~~",
                        "(used)",
                        "✓",
                        "<li>",
                        "</li>",
                        "<s>",
                        "</s>",
                        "<script>",
                        "</script>",
                        "<html>",
                        "{\"codes\": [",
                        "\"",
                        "]}",
                        "backup codes",
                        "recovery key",
                        "GitHub",
                        "Google",
                        "secret",
                        "otpauth://totp/x",
                        "ghp_",
                        "A3-",
                        "2026-11-28",
                        "+1 415 555 0100",
                        "１２３４",
                        "\u200B",
                        "\u0336",
                        "\uFEFF",
                        "Product key: ",
                        "is your code",
                        "ÄÖÜ",
                        "漢字",
                        "\uD83D\uDE00"));
        return fragment.list().ofMaxSize(80).map(parts -> String.join("", parts));
    }

    /** A set of N codes of one app's shape: how the app shows them and how they are saved. */
    record CodeSet(String app, List<String> shown, List<String> saved) {}

    @Provide
    Arbitrary<CodeSet> codeSets() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(8);
        Arbitrary<String> hex10 =
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(10);
        Arbitrary<String> hex16 =
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(16);
        Arbitrary<String> letters32 = Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                .ofLength(32);
        return Arbitraries.oneOf(
                set("google", digits, code -> code.substring(0, 4) + " " + code.substring(4), Function.identity()),
                set(
                        "github",
                        hex10,
                        code -> code.substring(0, 5) + "-" + code.substring(5),
                        code -> code.substring(0, 5) + "-" + code.substring(5)),
                set("gitlab", hex16, Function.identity(), Function.identity()),
                set(
                        "bitwarden",
                        letters32.filter(code -> code.chars().anyMatch(Character::isDigit)),
                        code -> code.replaceAll("(.{4})(?!$)", "$1 "),
                        Function.identity()));
    }

    private static Arbitrary<CodeSet> set(
            String app, Arbitrary<String> code, Function<String, String> shown, Function<String, String> saved) {
        int most = app.equals("bitwarden") ? 3 : 20;
        return code.list()
                .uniqueElements()
                .ofMinSize(1)
                .ofMaxSize(most)
                .map(codes -> new CodeSet(
                        app,
                        codes.stream().map(shown).toList(),
                        codes.stream().map(saved).toList()));
    }

    /** A way of laying codes out that people paste. */
    record Layout(String name, Function<List<String>, String> layout) {

        String lay(List<String> shown) {
            return layout.apply(shown);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<Layout> layouts() {
        List<Layout> layouts = List.of(
                new Layout("one per line", shown -> String.join("\n", shown)),
                new Layout("numbered", CodeReaderPropertiesTest::numbered),
                new Layout("two columns", CodeReaderPropertiesTest::twoColumns),
                new Layout("commas", shown -> String.join(", ", shown)),
                new Layout("semicolons", shown -> String.join("; ", shown)),
                new Layout("bars", shown -> String.join(" | ", shown)),
                new Layout("tabs", shown -> String.join("\t", shown)),
                new Layout("bullets", shown -> lines(shown, code -> "- " + code)),
                new Layout("task list", shown -> lines(shown, code -> "- [ ] " + code)),
                new Layout(
                        "json",
                        shown -> "{\"codes\": ["
                                + shown.stream().map(code -> "\"" + code + "\"").collect(Collectors.joining(", "))
                                + "]}"),
                new Layout(
                        "html list",
                        shown -> "<ul>"
                                + shown.stream()
                                        .map(code -> "<li>" + code + "</li>")
                                        .collect(Collectors.joining())
                                + "</ul>"),
                new Layout("csv", shown -> lines(shown, code -> "\"" + code + "\",unused")),
                new Layout("letter-spaced", shown -> lines(shown, CodeReaderPropertiesTest::letterSpaced)),
                new Layout(
                        "halves on two lines",
                        shown -> lines(shown, code -> code.replaceFirst("^(\\S+)[ -](\\S+)$", "$1\n$2"))));
        return Arbitraries.of(layouts);
    }

    private static String lines(List<String> shown, Function<String, String> line) {
        return shown.stream().map(line).collect(Collectors.joining("\n"));
    }

    private static String numbered(List<String> shown) {
        return IntStream.range(0, shown.size())
                .mapToObj(i -> (i + 1) + ". " + shown.get(i))
                .collect(Collectors.joining("\n"));
    }

    private static String twoColumns(List<String> shown) {
        int half = (shown.size() + 1) / 2;
        return IntStream.range(0, half)
                .mapToObj(i -> shown.get(i) + (i + half < shown.size() ? "\t" + shown.get(i + half) : ""))
                .collect(Collectors.joining("\n"));
    }

    private static String letterSpaced(String code) {
        return code.chars()
                .mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.joining(" "))
                .replace("   ", "  ");
    }
}
