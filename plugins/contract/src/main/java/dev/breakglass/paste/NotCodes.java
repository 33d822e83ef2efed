package dev.breakglass.paste;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Numbers that look like codes but are not: dates and times, phone numbers, product keys, TOTP setup keys and
 * one-time SMS codes. They are blanked before any format reads a line, so no format can take them for codes.
 */
final class NotCodes {

    private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";

    /**
     * Spans blanked wherever they appear, each with the characters it cannot match without (checked first: a
     * pattern that starts with {@code \b} tries every position of every line, and a long paste has many).
     */
    private static final List<Span> SPANS = List.of(
            // ISO dates and date-times: 2026-11-28, 2026-11-28T01:02:03Z
            new Span(
                    "-",
                    "\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?\\b"),
            // 28/11/2026, 11.28.26
            new Span("/.", "\\b\\d{1,2}[/.]\\d{1,2}[/.](?:\\d{4}|\\d{2})\\b"),
            // Nov 28, 2026 and 28 November 2026
            new Span(null, "(?i)\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b"),
            new Span(null, "(?i)\\b\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+\\d{4}\\b"),
            // times: 14:05, 2:05:33 PM
            new Span(":", "(?i)\\b\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?(?![\\w:])"),
            // phone numbers: +1 415 555 0100, (415) 555-0100, 415-555-0100
            new Span("+", "\\+\\d{1,3}[\\s.-]?(?:\\(\\d{1,4}\\)[\\s.-]?)?\\d{1,4}(?:[\\s.-]?\\d{2,4}){1,4}\\b"),
            new Span("(", "\\(\\d{3}\\)\\s?\\d{3}[\\s.-]\\d{4}\\b"),
            new Span(".-", "\\b\\d{3}[.-]\\d{3}[.-]\\d{4}\\b"),
            // a copyright's years: (c) 2000-2026
            new Span("\u00A9(", "(?i)(?:\u00A9|\\(c\\))\\s*\\d{4}(?:\\s*[-\u2013]\\s*\\d{4})?"),
            // identifiers: a UUID (a BitLocker key's identifier, an API client's id) is never a code
            new Span("-", "\\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\b"),
            // an OpenPGP fingerprint as gpg prints it: ten groups of four hex digits, a wide gap after the fifth
            new Span(
                    "\t",
                    "\\b[0-9A-Fa-f]{4}(?: [0-9A-Fa-f]{4}){4}(?:\\t| {2,})[0-9A-Fa-f]{4}(?: [0-9A-Fa-f]{4}){4}\\b"));

    /** Any month's first three letters (lower case): the month patterns need one. */
    private static final List<String> MONTH_STARTS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private static final Pattern TOTP_LINK = Pattern.compile("(?i)otpauth://\\S*");
    /** A web address: its path and query (a webhook's secret, a page's id) hold no backup code. */
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp)://\\S*");

    private static final Pattern DIGIT = Pattern.compile("\\d");

    /** Lines that hold something else's code: read no code from them. */
    private static final Pattern WHOLE_LINE = any(
            // a TOTP setup key shown for manual entry
            Pattern.compile("(?i)\\b(?:" + LookAlikes.TOTP_KEY_WORDS + ")\\b"),
            // product and licence keys
            Pattern.compile("(?i)\\b(?:" + LookAlikes.LICENCE_KEY_WORDS + ")\\b"),
            // API credentials, passwords and Wi-Fi keys
            Pattern.compile("(?i)\\b(?:" + LookAlikes.API_CREDENTIAL_WORDS + ")\\b"),
            Pattern.compile("(?i)" + LookAlikes.CONFIG_SECRET),
            Pattern.compile("(?i)" + LookAlikes.PASSWORD_LABEL),
            // an account's or customer's identifier after its label
            Pattern.compile("(?i)\\b(?:(?:account|user|customer|portal|member|tenant|org|organi[sz]ation|subscription"
                    + "|order|invoice|device|ticket|case|transaction|request|booking|tracking|session|instance|project"
                    + "|workspace|team|host|machine|asset|employee|key)\\s*(?:id|number|no\\.?|#)|identifier"
                    // a certificate's thumbprint, a reference (a fingerprint is never a code, on any line: below)
                    + "|thumbprint|(?:reference|ref\\.?)(?:\\s*(?:id|number|no\\.?|#))?"
                    // the same in German, French and Spanish: Kundennummer, Identifiant, numéro client
                    + "|kunden-?(?:nummer|nr\\.?)|benutzer-?(?:name|kennung)|identifiant|num[ée]ro\\s+(?:de\\s+)?client"
                    + "|n[°º]\\s*client|n[úu]mero\\s+de\\s+cliente|id\\s+de\\s+cliente"
                    // a user's handle or name at a registrar or host ("NIC handle: ab12345-ovh", "Username: ...")
                    + "|nic(?:[- ]?handle)?|handle|user[- ]?name"
                    // who a ticket or a vault entry is for, or its title: a name, never a code
                    + "|user|title|assignee|reporter|requester|owner|login"
                    // a parcel's tracking number
                    + "|tracking|shipment|parcel)\\s*:"),
            // one-time codes sent by SMS or e-mail, and their label ("Security code: 971398")
            Pattern.compile(
                    "(?i)^\\W*(?:security|verification|login|log-in|sign-in|confirmation|one-time|otp|sms)\\s+code\\s*:"),
            Pattern.compile(
                    "(?i)\\b(?:your|the)\\s+(?:[\\w-]+\\s+){0,2}(?:verification|security|login|sign-in|confirmation|one-time|otp)\\s+code\\s+is\\b"),
            Pattern.compile(
                    "(?i)\\bis\\s+your\\s+(?:[\\w-]+\\s+){0,2}(?:code|otp|verification code|security code|login code)\\b"),
            Pattern.compile("(?i)\\b(?:" + LookAlikes.SMS_WORDS + ")\\b.*\\b\\d{4,8}\\b"),
            Pattern.compile(LookAlikes.GOOGLE_SMS_CODE),
            // a key's fingerprint, and the key lines of a gpg listing ("pub   rsa4096 2024-03-11 [SC]")
            Pattern.compile("(?i)\\bfingerprint\\b"),
            Pattern.compile("(?i)^\\W*(?:pub|sub|sec|ssb)\\s+(?:rsa|dsa|elg|ed|cv|nistp|brainpoolp|secp)\\d{3,5}"));

    /**
     * Words at least one of which every {@link #WHOLE_LINE} pattern needs, in lower case (or "G-", as it is): a line
     * without any is not searched, since a case-insensitive search from every position of a line is slow.
     */
    private static final List<String> WHOLE_LINE_WORDS = List.of(
            "secret",
            "key",
            "manual",
            "scan",
            "product",
            "licen",
            "activation",
            "serial",
            "registration",
            "code",
            "otp",
            "token",
            "client",
            "password",
            "passwd",
            "passphrase",
            "passcode",
            "pin:",
            "pin ",
            "puk",
            "wi-fi",
            "wifi",
            "wpa",
            "id:",
            "id :",
            "id #",
            "number:",
            "no:",
            "no.:",
            "#:",
            "identifier",
            "gift",
            "voucher",
            "thumbprint",
            "handle",
            "nic",
            "ref",
            "user",
            "title",
            "assignee",
            "reporter",
            "requester",
            "owner",
            "login",
            "tracking",
            "shipment",
            "parcel",
            "kunden",
            "benutzer",
            "identifiant",
            "sms",
            "text message",
            "g-",
            "fingerprint",
            "rsa",
            "dsa",
            "elg",
            "25519",
            "nistp",
            "brainpool",
            "secp");

    private NotCodes() {}

    /**
     * A short line that names a key whose value follows on the next line ("Setup key", "Licence key:", "Windows 11 Pro
     * product key (from the sticker)", "License key for IntelliJ IDEA (team seat 4)").
     */
    private static final Pattern SEVERAL_KEYS = Pattern.compile("(?i)\\b(?:keys|serials|serial numbers)\\b");

    private static final Pattern KEY_LABEL =
            Pattern.compile("(?i)\\b(?:(?:" + LookAlikes.TOTP_KEY_WORDS + "|" + LookAlikes.LICENCE_KEY_WORDS
                    + ")(?:\\s+instead|\\s+for\\s[^:()]{1,60})?|can'?t scan.*)\\s*(?:\\([^()]*\\))?\\s*:?\\s*$");

    /** A run of letters and digits with a digit, 5 or more long: a label line holding one holds a value itself. */
    private static final Pattern VALUE = Pattern.compile("(?=[A-Za-z0-9]*\\d)[A-Za-z0-9]{5,}");

    private static final int MAX_LABEL_LENGTH = 80;

    /**
     * A line that ends by announcing a one-time code sent by e-mail or SMS, the code itself on the next line ("Your
     * Acme verification code is:", "Here is your login code:"), not a backup code.
     */
    private static final Pattern ONE_TIME_LABEL = Pattern.compile(
            "(?i)(?:\\b(?:verification|security|login|sign-?in|confirmation|one-time|otp)\\s+code(?:\\s+is)?"
                    + "|\\bis\\s+your\\s+(?:[\\w-]+\\s+){0,2}(?:code|otp))\\s*:?\\s*$");

    private static final Pattern BACKUP_WORDS =
            Pattern.compile("(?i)\\b(?:backup|recovery|emergency|scratch|bypass)\\b");

    /** A sentence that asks for the one-time code below it ("please use the following code to confirm ...:"). */
    private static final int MAX_SENTENCE_LENGTH = 240;

    /**
     * Whether a line only names a secret key, so that the line after it holds the key and no code; or announces a
     * one-time code, so that the line after it holds that code.
     */
    static boolean labelsTheNextLine(String line) {
        if (line.length() > MAX_SENTENCE_LENGTH) {
            return false;
        }
        String lower = asciiLowerCase(line);
        boolean labels = (line.length() <= MAX_LABEL_LENGTH
                        && containsAnyWord(lower, WHOLE_LINE_WORDS)
                        && (KEY_LABEL.matcher(line).find()
                                || (ONE_TIME_LABEL.matcher(line).find()
                                        && !BACKUP_WORDS.matcher(line).find())))
                || (lower.contains("code")
                        && LookAlikes.ONE_TIME_CODE_BELOW.matcher(line).find());
        // A label that holds its value on the same line ("Product key 12345678") labels nothing below it.
        return labels && !VALUE.matcher(line).find();
    }

    /** Whether a line that labels the next one names keys in the plural ("Licence keys", "Product keys:"). */
    static boolean labelsSeveral(String line) {
        return SEVERAL_KEYS.matcher(line).find();
    }

    /** The line with everything that is not a code blanked; empty when the whole line is about something else. */
    static String blank(String unblanked) {
        String line = LookAlikes.blankTokens(unblanked);
        if ((line.contains("G-") || containsAnyWord(asciiLowerCase(line), WHOLE_LINE_WORDS))
                && WHOLE_LINE.matcher(line).find()) {
            return "";
        }
        String text = line.contains("otpauth") || line.contains("OTPAUTH")
                ? TOTP_LINK.matcher(line).replaceAll(" ")
                : line;
        if (text.contains("://")) {
            text = URL.matcher(text).replaceAll(" ");
        }
        if (!DIGIT.matcher(text).find()) {
            return text;
        }
        boolean namesMonth = containsAnyWord(asciiLowerCase(text), MONTH_STARTS);
        for (Span span : SPANS) {
            if (span.required() == null ? namesMonth : containsAny(text, span.required())) {
                text = span.pattern().matcher(text).replaceAll(" ");
            }
        }
        return text;
    }

    /** ASCII letters in lower case, the rest as it is: the patterns' (?i) folds only ASCII letters. */
    private static String asciiLowerCase(String line) {
        StringBuilder lower = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            lower.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return lower.toString();
    }

    private static boolean containsAnyWord(String text, List<String> words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String text, String characters) {
        for (int i = 0; i < characters.length(); i++) {
            if (text.indexOf(characters.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A span to blank, and the characters (any one of them) it cannot match without; null: a month name. */
    private record Span(String required, Pattern pattern) {
        Span(String required, String regex) {
            this(required, Pattern.compile(regex));
        }
    }

    /** One pattern that finds what any of the given ones finds, so a line is scanned once. */
    private static Pattern any(Pattern... patterns) {
        StringBuilder alternation = new StringBuilder();
        for (Pattern pattern : patterns) {
            alternation
                    .append(alternation.isEmpty() ? "" : "|")
                    .append("(?:")
                    .append(pattern.pattern())
                    .append(")");
        }
        return Pattern.compile(alternation.toString());
    }
}
