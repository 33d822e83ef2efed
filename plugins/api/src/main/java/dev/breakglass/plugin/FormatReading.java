package dev.breakglass.plugin;

import java.util.List;

/**
 * What a format read from a paste. Holds plaintext codes: {@link #toString()} never shows them.
 *
 * @param codes the codes in the order found; Breakglass drops repeats and applies the list's numbering
 * @param unreadable lines with text on which the format found no code
 */
public record FormatReading(List<FoundCode> codes, List<PasteLine> unreadable) {

    public FormatReading {
        codes = List.copyOf(codes);
        unreadable = List.copyOf(unreadable);
    }

    /** A reading that found nothing: every line with content is unreadable. */
    public static FormatReading nothingIn(Paste paste) {
        return new FormatReading(
                List.of(), paste.lines().stream().filter(PasteLine::hasContent).toList());
    }

    @Override
    public String toString() {
        return "FormatReading[codes=" + codes.size() + ", unreadable=" + unreadable.size() + "]";
    }
}
