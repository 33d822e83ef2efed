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
 * <p>Every format reads the same paste, so its whole text, and that text in lower case, are worked out once.
 */
public final class Paste {

    private final List<PasteLine> lines;
    /** The whole text and its lower case, worked out when first asked for (a benign race: both are immutable). */
    private String text;

    private String lowerCaseText;

    /** @param lines the lines in the order they were pasted; two numbered columns become one line per numbered item */
    public Paste(List<PasteLine> lines) {
        this.lines = List.copyOf(lines);
    }

    /** The lines in the order they were pasted. */
    public List<PasteLine> lines() {
        return lines;
    }

    /** All lines' text, one per line, for formats that look for words such as the app's name. */
    public String text() {
        String joined = text;
        if (joined == null) {
            joined = lines.stream().map(PasteLine::original).collect(Collectors.joining("\n"));
            text = joined;
        }
        return joined;
    }

    /** {@link #text()} in lower case ({@link Locale#ROOT}). */
    public String lowerCaseText() {
        String lower = lowerCaseText;
        if (lower == null) {
            lower = text().toLowerCase(Locale.ROOT);
            lowerCaseText = lower;
        }
        return lower;
    }

    /** Whether the paste mentions a word or phrase as a whole word, ignoring case: {@code "x"} does not match "text". */
    public boolean mentions(String phrase) {
        Pattern whole = Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])");
        return whole.matcher(lowerCaseText()).find();
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
    public boolean equals(Object other) {
        return other instanceof Paste paste && lines.equals(paste.lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        return "Paste[lines=" + lines.size() + "]";
    }
}
