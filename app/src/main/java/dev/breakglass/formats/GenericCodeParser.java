package dev.breakglass.formats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The last resort: one code per line, or several separated by spaces, commas or semicolons. List
 * numbering ({@code 1.}, {@code 2)}) and bullets are dropped. A line counts only when every word on it
 * looks like a code, so headers and sentences are reported as unreadable instead of becoming codes.
 */
final class GenericCodeParser {

    static final String ID = "generic";
    static final String NAME = "Generic list";

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:\\(?\\d{1,3}[.):]|[-*+\\u2022\\u00b7\\u25aa\\u25e6\\u2023])\\s+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    private static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 40;

    ParsedCodes parse(String text) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> unreadable = new ArrayList<>();
        for (String line : LINE_BREAK.split(text)) {
            if (line.isBlank()) {
                continue;
            }
            List<String> found = codesOnLine(line);
            if (found.isEmpty()) {
                unreadable.add(line.strip());
            } else {
                codes.addAll(found);
            }
        }
        return new ParsedCodes(ID, NAME, new ArrayList<>(codes), unreadable);
    }

    private static List<String> codesOnLine(String line) {
        String rest = LIST_MARKER.matcher(line).replaceFirst("").strip();
        List<String> found = new ArrayList<>();
        for (String word : SEPARATORS.split(rest)) {
            if (word.isEmpty()) {
                continue;
            }
            if (!looksLikeCode(word)) {
                return List.of();
            }
            found.add(word);
        }
        return found;
    }

    private static boolean looksLikeCode(String word) {
        return word.length() >= MIN_LENGTH && word.length() <= MAX_LENGTH
                && CODE.matcher(word).matches() && HAS_DIGIT.matcher(word).matches();
    }
}
