package dev.breakglass.paste;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of HTML, as a browser would show it: script and style bodies and comments dropped, struck-through
 * elements marked as used, table cells and list items on their own lines, entities decoded. Nothing is executed.
 */
final class MarkupText {

    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile(
            "(?is)<(?:html|body|div|p|span|table|tr|td|li|ul|ol|br|pre|code|s|del|strike|script|style|h[1-6])\\b[^>]*>");
    private static final Pattern HIDDEN = Pattern.compile(
            "(?is)<(script|style|template|noscript)\\b[^>]*>.*?(?:</\\1\\s*>|\\z)|<!--.*?(?:-->|\\z)|<head\\b[^>]*>.*?</head\\s*>");
    private static final Pattern STRUCK = Pattern.compile("(?is)<(s|del|strike)\\b[^>]*>(.*?)</\\1\\s*>");
    private static final Pattern CHECKED_BOX = Pattern.compile("(?is)<input\\b[^>]*\\bchecked\\b[^>]*>");
    private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]\\s*>");
    private static final Pattern BLOCK = Pattern.compile(
            "(?i)<br\\s*/?>|</?(?:p|div|li|tr|ul|ol|table|tbody|thead|h[1-6]|pre|section|article|header|footer|dt|dd)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    /** An XML document: its declaration, or an element first and a closing tag somewhere. */
    private static final Pattern LOOKS_LIKE_XML = Pattern.compile("^\\s*<(?:\\?xml\\b|[A-Za-z][\\w.:-]*[\\s/>])");

    private static final Pattern CLOSING_TAG = Pattern.compile("</[A-Za-z][\\w.:-]*\\s*>");
    /** A field's name and its value's start: KeePass's {@code <Key>Password</Key><Value>}, a plist's key and string. */
    private static final Pattern KEY_VALUE =
            Pattern.compile("(?i)<key>([^<]{1,80})</key>\\s*<(?:value|string|data)\\b[^>]*>");
    /** An element that holds only text: {@code <Password>...</Password>}. */
    private static final Pattern LEAF = Pattern.compile("<([A-Za-z][\\w.:-]{0,40})(?:\\s[^<>]*)?>([^<]*)</\\1\\s*>");

    private static final Pattern CDATA = Pattern.compile("(?s)<!\\[CDATA\\[(.*?)]]>");
    private static final Pattern XML_HIDDEN = Pattern.compile("(?s)<!--.*?(?:-->|\\z)|<\\?.*?(?:\\?>|\\z)");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private MarkupText() {}

    static boolean looksLikeHtml(String text) {
        return LOOKS_LIKE_HTML.matcher(text).find();
    }

    /** Whether text that is no HTML is an XML document (a password manager's export, a property list). */
    static boolean looksLikeXml(String text) {
        return LOOKS_LIKE_XML.matcher(text).find() && text.contains("</");
    }

    /**
     * The text of an XML document: comments and processing instructions dropped, each element's end a line break (so
     * {@code <Value>ab12</Value><Value>cd34</Value>} is two lines), an element or field name the label of its text
     * ({@code Password: ...}), character data and entities kept as text.
     */
    static String ofXml(String xml) {
        String text = XML_HIDDEN.matcher(xml).replaceAll(" ");
        text = CDATA.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        // A field's name labels its value ("Password: ..."), so a password or a token is known for what it is.
        text = KEY_VALUE.matcher(text).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + ": "));
        text = LEAF.matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(match.group(1) + ": " + match.group(2) + "\n"));
        text = CLOSING_TAG.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        return decodeEntities(text);
    }

    static String of(String html) {
        String text = HIDDEN.matcher(html).replaceAll(" ");
        text = STRUCK.matcher(text).replaceAll(match -> Matcher.quoteReplacement("~~" + match.group(2) + "~~"));
        text = CHECKED_BOX.matcher(text).replaceAll("[x] ");
        text = CELL_END.matcher(text).replaceAll("\t");
        text = BLOCK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        return decodeEntities(text);
    }

    private static String decodeEntities(String text) {
        return ENTITY.matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(entity(match.group(1), match.group())));
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#x") || name.startsWith("#X")) {
            return codePoint(Integer.parseInt(name.substring(2), 16), whole);
        }
        if (name.startsWith("#")) {
            return codePoint(Integer.parseInt(name.substring(1)), whole);
        }
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp", "ensp", "emsp", "thinsp" -> " ";
            case "shy", "zwsp", "zwj", "zwnj", "lrm", "rlm" -> "";
            case "check", "checkmark" -> "\u2713";
            default -> whole;
        };
    }

    private static String codePoint(int value, String whole) {
        return Character.isValidCodePoint(value) && value != 0 ? new String(Character.toChars(value)) : whole;
    }
}
