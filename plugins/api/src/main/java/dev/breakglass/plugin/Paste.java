package dev.breakglass.plugin;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A paste prepared by Breakglass for the formats: decoded, normalised (NFKC, no invisible characters, one kind of
 * line break), with HTML, JSON and CSV reduced to their text, codes marked as used taken out, list numbering split
 * off into {@link PasteLine#number()}, and dates, phone numbers, API tokens, product keys, TOTP setup keys and SMS
 * codes blanked.
 * Holds what the user pasted: {@link #toString()} never shows it.
 *
 * @param lines the lines in the order they were pasted; two numbered columns become one line per numbered item
 */
public record Paste(List<PasteLine> lines) {

    public Paste {
        lines = List.copyOf(lines);
    }

    /** All lines' text, one per line, for formats that look for words such as the app's name. */
    public String text() {
        return lines.stream().map(PasteLine::original).collect(Collectors.joining("\n"));
    }

    /** Whether the paste mentions a word or phrase as a whole word, ignoring case: {@code "x"} does not match "text". */
    public boolean mentions(String phrase) {
        Pattern whole = Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])");
        return whole.matcher(text().toLowerCase(Locale.ROOT)).find();
    }

    /**
     * Whether the nearest lines with text before and after a line are both among the given ones: the line stands in the
     * middle of a list of them (of the lines holding codes, say), not at its head or foot.
     *
     * @param line a line's index
     * @param among line indexes
     */
    public boolean isBetween(int line, Set<Integer> among) {
        int before = line - 1;
        while (before >= 0 && !lines.get(before).hasContent()) {
            before--;
        }
        int after = line + 1;
        while (after < lines.size() && !lines.get(after).hasContent()) {
            after++;
        }
        return before >= 0 && among.contains(before) && among.contains(after);
    }

    @Override
    public String toString() {
        return "Paste[lines=" + lines.size() + "]";
    }
}
