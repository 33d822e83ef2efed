package dev.breakglass.audit;

import java.util.Locale;
import java.util.Map;

/** The words for audit actions; an action without words of its own reads as its name in lower case. */
final class AuditActions {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("CODES_SAVED", "Saved codes"),
            Map.entry("CODES_REVEALED", "Viewed codes"),
            Map.entry("CODE_HANDED_OUT", "Used the next code"),
            Map.entry("CODE_MARKED_USED", "Marked a code used"),
            Map.entry("CODE_MARKED_UNUSED", "Marked a code unused"),
            Map.entry("CODES_REPLACED", "Replaced codes"),
            Map.entry("CODES_DELETED", "Deleted codes"));

    private AuditActions() {
    }

    static String label(String action) {
        String label = LABELS.get(action);
        if (label != null) {
            return label;
        }
        String words = action.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    static Map<String, String> known() {
        return LABELS;
    }
}
