package dev.breakglass.paste;

import dev.breakglass.plugin.FormatReading;
import dev.breakglass.plugin.FoundCode;
import dev.breakglass.plugin.Paste;
import dev.breakglass.plugin.PasteLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The final list of codes from a format's reading: each code once, in the list's numbering when every code sits on
 * a numbered item (so two numbered columns read 1, 2, 3... rather than row by row), otherwise as they appear.
 */
public final class CodeOrder {

    private CodeOrder() {}

    /** The codes of a reading, ordered and without repeats. */
    public static List<String> codes(Paste paste, FormatReading reading) {
        List<FoundCode> found = new ArrayList<>(reading.codes());
        Comparator<FoundCode> appearance =
                Comparator.comparingInt(FoundCode::line).thenComparingInt(FoundCode::column);
        if (numberedThroughout(paste, found)) {
            found.sort(Comparator.<FoundCode>comparingInt(
                            code -> paste.lines().get(code.line()).number().getAsInt())
                    .thenComparing(appearance));
        } else {
            found.sort(appearance);
        }
        Set<String> codes = new LinkedHashSet<>();
        found.forEach(code -> codes.add(code.code()));
        return List.copyOf(codes);
    }

    /** Every code is on a numbered item, and no two items with codes share a number. */
    private static boolean numberedThroughout(Paste paste, List<FoundCode> found) {
        Set<Integer> linesSeen = new HashSet<>();
        Set<Integer> numbersSeen = new HashSet<>();
        for (FoundCode code : found) {
            if (code.line() < 0 || code.line() >= paste.lines().size()) {
                return false;
            }
            PasteLine line = paste.lines().get(code.line());
            if (line.number().isEmpty()) {
                return false;
            }
            if (linesSeen.add(code.line()) && !numbersSeen.add(line.number().getAsInt())) {
                return false;
            }
        }
        return !found.isEmpty();
    }
}
