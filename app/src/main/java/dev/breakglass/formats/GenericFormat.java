package dev.breakglass.formats;

import dev.breakglass.plugin.CodeFormat;
import dev.breakglass.plugin.FormatReading;
import dev.breakglass.plugin.FoundCode;
import dev.breakglass.plugin.Paste;
import dev.breakglass.plugin.PasteLine;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last resort, for apps without a plugin and codes typed by hand: one code per cell (cells split by tabs or
 * wide gaps), or several separated by spaces, commas or semicolons. A cell counts only when every word in it looks
 * like a code (4 to 40 letters and digits, at least one digit, dashes or underscores inside), so headers and
 * sentences are reported as unreadable rather than becoming codes. Digit groups such as {@code 1234 5678} are one
 * code.
 */
final class GenericFormat implements CodeFormat {

    static final String ID = "generic";
    static final String NAME = "Generic list";

    private static final Pattern CELL = Pattern.compile("\\t|\\s{2,}");
    private static final Pattern DIGIT_GROUPS = Pattern.compile("\\d{3,5}(?: \\d{3,5}){1,3}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    private static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 40;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> appKeys() {
        return Set.of();
    }

    @Override
    public String displayName() {
        return NAME;
    }

    @Override
    public Optional<URI> settingsPage() {
        return Optional.empty();
    }

    @Override
    public OptionalInt expectedCodeCount() {
        return OptionalInt.empty();
    }

    @Override
    public double confidence(Paste paste) {
        return read(paste).codes().isEmpty() ? 0 : 0.1;
    }

    @Override
    public FormatReading read(Paste paste) {
        List<FoundCode> found = new ArrayList<>();
        List<PasteLine> unreadable = new ArrayList<>();
        for (PasteLine line : paste.lines()) {
            int before = found.size();
            int column = 0;
            for (String cell : CELL.split(line.text())) {
                codesIn(cell.strip(), line.index(), column, found);
                column += cell.length() + 1;
            }
            if (found.size() == before && line.hasContent()) {
                unreadable.add(line);
            }
        }
        return new FormatReading(found, unreadable);
    }

    private static void codesIn(String cell, int line, int column, List<FoundCode> found) {
        if (cell.isEmpty()) {
            return;
        }
        if (DIGIT_GROUPS.matcher(cell).matches() && sameLengths(cell)) {
            found.add(new FoundCode(cell, line, column));
            return;
        }
        List<FoundCode> words = new ArrayList<>();
        Matcher separator = SEPARATORS.matcher(cell);
        int start = 0;
        while (true) {
            boolean more = separator.find();
            String word = cell.substring(start, more ? separator.start() : cell.length());
            if (!word.isEmpty()) {
                if (!looksLikeCode(word)) {
                    return;
                }
                words.add(new FoundCode(word, line, column + start));
            }
            if (!more) {
                break;
            }
            start = separator.end();
        }
        found.addAll(words);
    }

    private static boolean sameLengths(String groups) {
        String[] parts = groups.split(" ");
        for (String part : parts) {
            if (part.length() != parts[0].length()) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeCode(String word) {
        return word.length() >= MIN_LENGTH
                && word.length() <= MAX_LENGTH
                && WORD.matcher(word).matches()
                && HAS_DIGIT.matcher(word).matches();
    }
}
