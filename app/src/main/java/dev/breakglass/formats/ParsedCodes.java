package dev.breakglass.formats;

import java.util.List;
import java.util.Optional;

/**
 * The codes found in a paste. Holds plaintext: {@link #toString()} never shows the codes or the lines.
 *
 * @param formatId the format that read the paste, such as {@code github} or {@code generic}
 * @param formatName its display name
 * @param codes each code once, in the list's order, as the format saves them
 * @param unreadableLines lines with text that held no code
 * @param notice a sentence for the user when the paste was not read as planned, such as a plugin that failed
 */
public record ParsedCodes(
        String formatId, String formatName, List<String> codes, List<String> unreadableLines, Optional<String> notice) {

    public ParsedCodes {
        codes = List.copyOf(codes);
        unreadableLines = List.copyOf(unreadableLines);
    }

    /** Codes read as planned, with nothing to tell the user. */
    public ParsedCodes(String formatId, String formatName, List<String> codes, List<String> unreadableLines) {
        this(formatId, formatName, codes, unreadableLines, Optional.empty());
    }

    /** Whether no app's format recognised the paste and the generic reader read it. */
    public boolean readAsGenericList() {
        return GenericFormat.ID.equals(formatId);
    }

    @Override
    public String toString() {
        return "ParsedCodes[format=" + formatId + ", codes=" + codes.size() + ", unreadable=" + unreadableLines.size()
                + "]";
    }
}
