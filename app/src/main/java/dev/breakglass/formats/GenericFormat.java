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
 * The last resort, for apps without a plugin and codes typed by hand: one code per cell (cells split by tabs, wide
 * gaps, commas, semicolons or bars), or several separated by spaces. A cell counts only when every word in it looks
 * like a code (4 to 40 letters and digits, or up to 128 hexadecimal digits, at least one digit, dashes or
 * underscores inside), after a label such as "Recovery code:", so headers and sentences are reported as unreadable
 * rather than becoming codes. Digit groups such as {@code 1234 5678} are one code; a long key printed in equal
 * blocks ({@code 4283 fefc 63f0 cd0e ...}) is one key.
 */
final class GenericFormat implements CodeFormat {

    static final String ID = "generic";
    static final String NAME = "Generic list";

    private static final Pattern CELL = Pattern.compile("\\t|\\s{2,}");
    private static final String STRONG_SEPARATORS = ",;|";
    private static final Pattern LABEL = Pattern.compile("^[\\p{L}][\\p{L} ()'-]{1,40}:\\s+");
    private static final Pattern DIGIT_GROUPS = Pattern.compile("\\d{3,5}(?: \\d{3,5}){1,3}");
    private static final Pattern BLOCKS = Pattern.compile("[A-Za-z0-9]{4,8}(?: [A-Za-z0-9]{4,8}){3,}");
    private static final Pattern SEPARATORS = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    private static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 40;
    private static final int MAX_HEX_LENGTH = 128;
    private static final int MIN_KEY_LENGTH = 16;

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
            String text = line.text();
            Matcher cells = CELL.matcher(text);
            int cellStart = 0;
            while (true) {
                boolean more = cells.find();
                int cellEnd = more ? cells.start() : text.length();
                int pieceStart = cellStart;
                for (int at = cellStart; at <= cellEnd; at++) {
                    if (at == cellEnd || STRONG_SEPARATORS.indexOf(text.charAt(at)) >= 0) {
                        codesIn(text, pieceStart, at, line.index(), found);
                        pieceStart = at + 1;
                    }
                }
                if (!more) {
                    break;
                }
                cellStart = cells.end();
            }
            if (found.size() == before && line.hasContent()) {
                unreadable.add(line);
            }
        }
        return new FormatReading(found, unreadable);
    }

    /**
     * The codes in one piece of a line (between tabs, wide gaps, commas, semicolons and bars), each with the column
     * where it starts on the line, so codes on one line keep their order whatever was split off before them.
     */
    private static void codesIn(String text, int start, int end, int line, List<FoundCode> found) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String piece = text.substring(start, end);
        Matcher label = LABEL.matcher(piece);
        int column = start + (label.lookingAt() ? label.end() : 0);
        String cell = piece.substring(column - start);
        if (cell.isEmpty()) {
            return;
        }
        if (BLOCKS.matcher(cell).matches()
                && sameLengths(cell)
                && HAS_DIGIT.matcher(cell).matches()) {
            String[] blocks = cell.split(" ");
            if (blocks[0].length() == 4
                    && blocks.length % 2 == 0
                    && cell.chars().allMatch(c -> c == ' ' || isDigit(c))) {
                // Digits in fours, two by two: codes such as 1234 5678, not one long number.
                for (int i = 0; i < blocks.length; i += 2) {
                    found.add(new FoundCode(blocks[i] + " " + blocks[i + 1], line, column + i * 5));
                }
                return;
            }
            String key = cell.replace(" ", "");
            if (key.length() >= MIN_KEY_LENGTH) {
                // One long key printed in blocks of equal size: read as the key, without the spaces.
                found.add(new FoundCode(key, line, column));
                return;
            }
        }
        if (DIGIT_GROUPS.matcher(cell).matches() && sameLengths(cell)) {
            found.add(new FoundCode(cell, line, column));
            return;
        }
        List<FoundCode> words = new ArrayList<>();
        Matcher separator = SEPARATORS.matcher(cell);
        int wordStart = 0;
        while (true) {
            boolean more = separator.find();
            String word = cell.substring(wordStart, more ? separator.start() : cell.length());
            if (!word.isEmpty()) {
                if (!looksLikeCode(word)) {
                    return;
                }
                words.add(new FoundCode(word, line, column + wordStart));
            }
            if (!more) {
                break;
            }
            wordStart = separator.end();
        }
        found.addAll(words);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
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

    /** 4 to 40 letters and digits with at least one digit (a hexadecimal code up to 128), dashes inside. */
    private static boolean looksLikeCode(String word) {
        int max = HEX.matcher(word).matches() ? MAX_HEX_LENGTH : MAX_LENGTH;
        return word.length() >= MIN_LENGTH
                && word.length() <= max
                && WORD.matcher(word).matches()
                && HAS_DIGIT.matcher(word).matches();
    }
}
