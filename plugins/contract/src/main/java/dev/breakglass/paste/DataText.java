package dev.breakglass.paste;

import java.util.ArrayList;
import java.util.List;

/**
 * The values inside JSON and the fields of quoted CSV, as plain lines and cells. A small scanner rather than a
 * parser: an export that is cut short or slightly off still gives up its strings, and nothing is ever evaluated.
 */
final class DataText {

    private DataText() {}

    static boolean looksLikeJson(String text) {
        String trimmed = text.strip();
        return (trimmed.startsWith("{") && trimmed.endsWith("}") && opensAJsonValue(trimmed, "\"}"))
                || (trimmed.startsWith("[")
                        && trimmed.endsWith("]")
                        && opensAJsonValue(trimmed, "\"{[]-0123456789tfn"));
    }

    /**
     * Whether the first character after the opening bracket (white space aside) can start what JSON puts there: a
     * wiki's {@code {noformat}} or {@code {code:java}} block around the codes is no JSON object.
     */
    private static boolean opensAJsonValue(String trimmed, String starts) {
        for (int i = 1; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (!Character.isWhitespace(c)) {
                return starts.indexOf(c) >= 0;
            }
        }
        return true;
    }

    /**
     * Every string value of a JSON document on a line of its own; object keys are left out. A literal without double
     * quotes but with single ones (a Python list or dict as printed, {@code ['ab12', 'cd34']}) is read the same way;
     * a document with no string at all is read as the plain text it is.
     */
    static String jsonValues(String json) {
        char quote = json.indexOf('"') < 0 && json.indexOf('\'') >= 0 ? '\'' : '"';
        StringBuilder lines = new StringBuilder();
        boolean anyString = false;
        int i = 0;
        while (i < json.length()) {
            if (json.charAt(i) != quote) {
                i++;
                continue;
            }
            anyString = true;
            StringBuilder value = new StringBuilder();
            i = readString(json, i + 1, quote, value);
            int next = i;
            while (next < json.length() && Character.isWhitespace(json.charAt(next))) {
                next++;
            }
            boolean isKey = next < json.length() && json.charAt(next) == ':';
            if (!isKey) {
                lines.append(value).append('\n');
            }
        }
        return anyString ? lines.toString() : json;
    }

    private static int readString(String json, int from, char quote, StringBuilder value) {
        int i = from;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (c == '\\' && i + 1 < json.length()) {
                char escaped = json.charAt(i + 1);
                switch (escaped) {
                    case 'n', 'r' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        if (isHex(json, i + 2)) {
                            value.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
                            i += 4;
                        }
                    }
                    default -> value.append(escaped);
                }
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        return i;
    }

    private static boolean isHex(String text, int from) {
        if (from + 4 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 4; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether a line is a CSV record with quoted fields, which then need unquoting. */
    static boolean looksLikeQuotedCsv(String line) {
        return line.indexOf('"') >= 0 && (line.indexOf(',') >= 0 || line.indexOf(';') >= 0 || line.indexOf('\t') >= 0);
    }

    /** The fields of one CSV record (comma, semicolon or tab separated, RFC 4180 quoting), joined by tabs. */
    static String csvFields(String line) {
        char separator = line.indexOf(',') >= 0 ? ',' : line.indexOf(';') >= 0 ? ';' : '\t';
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                // A quote opens a quoted field only at its start; inside an unquoted field it is just a character,
                // so text on either side of it is never joined (RFC 4180).
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString().strip());
        return String.join("\t", fields);
    }
}
