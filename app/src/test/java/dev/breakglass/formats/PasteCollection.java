package dev.breakglass.formats;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * A folder of realistic pastes, each {@code NAME.txt} with its {@code NAME.expected} ({@code # kind: KIND},
 * {@code app: KEY|none}, then the codes in order or {@code refused: no_codes}), read with the real bundled plugins
 * and measured: how many read exactly, which did not (by kind), and whether a look-alike secret was accepted. Shared
 * by {@link PasteCorpusTest} and {@link IndependentPastesTest}.
 */
final class PasteCollection {

    private PasteCollection() {}

    /** Every case in a folder (or in its {@code cases} subfolder, when it has one), in file name order. */
    static List<Case> load(Path folder) throws IOException {
        Path cases = Files.isDirectory(folder.resolve("cases")) ? folder.resolve("cases") : folder;
        List<Case> loaded = new ArrayList<>();
        try (Stream<Path> files = Files.list(cases)) {
            for (Path text : files.filter(file -> file.toString().endsWith(".txt"))
                    .sorted()
                    .toList()) {
                String name = text.getFileName().toString().replaceFirst("\\.txt$", "");
                loaded.add(Case.of(name, Files.readString(text), cases.resolve(name + ".expected")));
            }
        }
        return loaded;
    }

    /** Reads every case and compares what came out with its expectation, as {@code same} judges two outcomes. */
    static Figure measure(CodeReader reader, List<Case> cases, BiPredicate<Outcome, Outcome> same) {
        List<Miss> misses = new ArrayList<>();
        for (Case paste : cases) {
            Outcome outcome = read(reader, paste);
            if (!same.test(paste.expected(), outcome)) {
                misses.add(new Miss(paste, outcome));
            }
        }
        return new Figure(cases.size(), misses);
    }

    private static Outcome read(CodeReader reader, Case paste) {
        try {
            return new Outcome(reader.read(paste.text(), paste.app()).codes(), Optional.empty());
        } catch (PasteRejectedException e) {
            return new Outcome(List.of(), Optional.of(e.problem().code()));
        }
    }

    /** One paste: its text, the account's app (null: none) and what reading it must give. */
    record Case(String name, String kind, String text, String app, Outcome expected) {

        static Case of(String name, String text, Path expectation) throws IOException {
            if (!Files.exists(expectation)) {
                throw new IllegalStateException(name + ".txt has no " + expectation.getFileName());
            }
            String app = null;
            String kind = kindFromName(name);
            Optional<String> refusal = Optional.empty();
            List<String> codes = new ArrayList<>();
            for (String line : Files.readAllLines(expectation, StandardCharsets.UTF_8)) {
                if (line.startsWith("# kind:")) {
                    kind = line.substring("# kind:".length()).strip();
                } else if (line.isBlank() || line.startsWith("#")) {
                    continue;
                } else if (line.startsWith("app:")) {
                    String value = line.substring("app:".length()).strip();
                    app = value.equals("none") ? null : value;
                } else if (line.startsWith("refused:")) {
                    refusal = Optional.of(line.substring("refused:".length()).strip());
                } else {
                    codes.add(line.strip());
                }
            }
            if (refusal.isEmpty() == codes.isEmpty()) {
                throw new IllegalStateException(expectation + " must expect either codes or a refusal");
            }
            return new Case(name, kind, text, app, new Outcome(codes, refusal));
        }

        /** {@code baseline} in {@code baseline-google-03} and in {@code 012-baseline-google-settings}. */
        private static String kindFromName(String name) {
            String[] parts = name.split("-");
            return parts.length > 1 && parts[0].chars().allMatch(Character::isDigit) ? parts[1] : parts[0];
        }
    }

    /** The codes read, or the refusal's code ({@code no_codes}); never both. */
    record Outcome(List<String> codes, Optional<String> refusal) {

        /** The same codes, in the same order and number, ignoring case and spaces or hyphens inside a code. */
        static boolean sameCanonically(Outcome expected, Outcome actual) {
            return expected.refusal().equals(actual.refusal())
                    && expected.codes().stream()
                            .map(Outcome::canonical)
                            .toList()
                            .equals(actual.codes().stream()
                                    .map(Outcome::canonical)
                                    .toList());
        }

        private static String canonical(String code) {
            return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        }

        String describe() {
            return refusal.map(code -> "refused " + code).orElse(codes.size() + " codes " + codes);
        }
    }

    /** A case not read exactly, and what came out instead. */
    record Miss(Case paste, Outcome outcome) {

        /** Expected a refusal and got codes: a look-alike secret accepted as backup codes. */
        boolean acceptedLookAlike() {
            return paste.expected().refusal().isPresent() && outcome.refusal().isEmpty();
        }

        @Override
        public String toString() {
            return paste.name() + " (app " + paste.app() + ") expected "
                    + paste.expected().describe() + ", got " + outcome.describe();
        }
    }

    /** How a collection read. */
    record Figure(int cases, List<Miss> misses) {

        double exactShare() {
            return (cases - misses.size()) / (double) cases;
        }

        List<String> lookAlikesAccepted() {
            return misses.stream()
                    .filter(Miss::acceptedLookAlike)
                    .map(miss -> miss.paste().name())
                    .toList();
        }

        /** How many cases of each kind were not read exactly. */
        Map<String, Integer> missesByKind() {
            Map<String, Integer> byKind = new TreeMap<>();
            misses.forEach(miss -> byKind.merge(miss.paste().kind(), 1, Integer::sum));
            return byKind;
        }

        void print(String title, PrintStream out) {
            out.printf(
                    Locale.ROOT,
                    "%s: %d of %d read exactly (%.1f%%), %d look-alikes accepted; not exact by kind: %s%n",
                    title,
                    cases - misses.size(),
                    cases,
                    exactShare() * 100,
                    lookAlikesAccepted().size(),
                    missesByKind());
            misses.forEach(miss -> out.println("  not exact: " + miss));
        }
    }
}
