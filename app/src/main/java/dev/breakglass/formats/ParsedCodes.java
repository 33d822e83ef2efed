package dev.breakglass.formats;

import java.util.List;

/**
 * The codes found in a paste. Holds plaintext: {@link #toString()} never shows the codes or the lines.
 *
 * @param formatId the format that read the paste, such as {@code generic}
 * @param formatName its display name
 * @param codes each code once, in the list's order
 * @param unreadableLines lines with text that held no code
 */
public record ParsedCodes(String formatId, String formatName, List<String> codes, List<String> unreadableLines) {

    public ParsedCodes {
        codes = List.copyOf(codes);
        unreadableLines = List.copyOf(unreadableLines);
    }

    @Override
    public String toString() {
        return "ParsedCodes[format=" + formatId + ", codes=" + codes.size() + ", unreadable=" + unreadableLines.size() + "]";
    }
}
