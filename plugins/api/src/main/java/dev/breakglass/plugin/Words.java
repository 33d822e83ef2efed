package dev.breakglass.plugin;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The guard that keeps English words out of letters-and-digits codes: a candidate made only of letters is a word
 * when it is one of the words that backup-code pages and notes use, or when it reads like one (vowels and
 * consonants alternating as in English). A random code is almost never all letters and pronounceable at once.
 */
final class Words {

    /** How far either side of a match the words of its sentence are looked for. */
    static final int SENTENCE_REACH = 160;

    private static final Set<String> COMMON = Set.of(
            "about",
            "access",
            "account",
            "accounts",
            "activate",
            "active",
            "added",
            "address",
            "admin",
            "after",
            "again",
            "always",
            "another",
            "anyone",
            "apple",
            "application",
            "authenticator",
            "authentication",
            "available",
            "backup",
            "backups",
            "because",
            "before",
            "below",
            "browser",
            "cannot",
            "change",
            "changed",
            "characters",
            "check",
            "close",
            "codes",
            "confirm",
            "continue",
            "copied",
            "copy",
            "create",
            "created",
            "current",
            "delete",
            "device",
            "devices",
            "disable",
            "disabled",
            "document",
            "download",
            "downloaded",
            "downloads",
            "each",
            "email",
            "emergency",
            "enable",
            "enabled",
            "enter",
            "entered",
            "every",
            "expire",
            "expired",
            "factor",
            "first",
            "following",
            "forgot",
            "from",
            "generate",
            "generated",
            "github",
            "google",
            "have",
            "here",
            "however",
            "important",
            "information",
            "instead",
            "into",
            "invalid",
            "keep",
            "later",
            "learn",
            "login",
            "lose",
            "lost",
            "manage",
            "message",
            "method",
            "methods",
            "microsoft",
            "more",
            "name",
            "never",
            "new",
            "note",
            "notes",
            "number",
            "numbers",
            "once",
            "only",
            "other",
            "page",
            "password",
            "passwords",
            "phone",
            "place",
            "please",
            "print",
            "printed",
            "private",
            "profile",
            "protect",
            "protected",
            "recover",
            "recovery",
            "regenerate",
            "remaining",
            "remember",
            "replace",
            "reset",
            "safe",
            "safely",
            "save",
            "saved",
            "second",
            "secure",
            "security",
            "settings",
            "should",
            "show",
            "sign",
            "signin",
            "somewhere",
            "store",
            "stored",
            "support",
            "that",
            "them",
            "these",
            "they",
            "this",
            "those",
            "through",
            "time",
            "together",
            "token",
            "tokens",
            "twofactor",
            "unused",
            "used",
            "user",
            "username",
            "valid",
            "verification",
            "verify",
            "view",
            "what",
            "when",
            "where",
            "which",
            "will",
            "with",
            "without",
            "work",
            "your",
            "yourself");

    /** Shorter letter runs read like words too often by chance (a code's group {@code ieqh}) to judge them so. */
    private static final int MIN_PRONOUNCEABLE = 6;

    /** A label that calls the value after it a code, numbered or not ("Code 7:", "Code #7:"). */
    private static final Pattern CODE_LABEL = Pattern.compile(
            "(?i)\\bcodes?(?:\\s*(?:#|no\\.?\\s*)?\\d{1,3})?(?:\\s+for\\s[^:]{1,40})?(?:\\s*\\([^)]*\\))?\\s*$");

    /** A word of two letters or more in a label. */
    private static final Pattern LABEL_WORD = Pattern.compile("\\p{L}{2}");

    /** The fewest lower-case letters around each capital of a camel-case name. */
    private static final int MIN_CAMEL_RUN = 2;

    private Words() {}

    /** Whether a letters-and-digits candidate is an English word rather than a code. */
    static boolean looksLikeWord(CodeShape.Alphabet alphabet, CharSequence candidate) {
        if (!lettersThatMayBeAWord(alphabet, candidate)) {
            return false;
        }
        String lower = candidate.toString().toLowerCase(Locale.ROOT);
        return COMMON.contains(lower)
                || (lower.length() >= MIN_PRONOUNCEABLE && pronounceable(lower))
                || camelCase(candidate);
    }

    /**
     * Whether a letters-and-digits candidate is one of the words backup-code pages use, or a name in camel case: the
     * guard for letters only among codes of their layout, where reading like a word by chance ({@code emwodaop}) is
     * no sign of one.
     */
    static boolean isKnownWord(CodeShape.Alphabet alphabet, CharSequence candidate) {
        return lettersThatMayBeAWord(alphabet, candidate)
                && (COMMON.contains(candidate.toString().toLowerCase(Locale.ROOT)) || camelCase(candidate));
    }

    /** Three letters or more and nothing else, for a shape of letters and digits: only such text can be a word. */
    private static boolean lettersThatMayBeAWord(CodeShape.Alphabet alphabet, CharSequence candidate) {
        if (alphabet != CodeShape.Alphabet.LETTERS_AND_DIGITS || candidate.length() < 3) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            if (!Character.isLetter(candidate.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A field or variable name: lower-case letters, then each further word starting with a capital
     * ({@code notesPlain}, {@code backupCodes}). A random code of letters only almost never has this case.
     */
    private static boolean camelCase(CharSequence word) {
        int humps = 0;
        int run = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (i == 0 || run < MIN_CAMEL_RUN) {
                    return false;
                }
                humps++;
                run = 0;
            } else if (c >= 'a' && c <= 'z') {
                run++;
            } else {
                return false;
            }
        }
        return humps > 0 && run >= MIN_CAMEL_RUN;
    }

    /**
     * Whether letters-and-digits text with spaces in it holds letters only: words in a sentence, not a code. Letter
     * spacing ({@code n q s y v w e p}, a PDF's text) is no sentence: two letters side by side are needed for a word.
     */
    static boolean looksLikeWords(CodeShape.Alphabet alphabet, String typed) {
        return alphabet == CodeShape.Alphabet.LETTERS_AND_DIGITS
                && typed.chars().noneMatch(c -> c >= '0' && c <= '9')
                && !letterSpaced(typed);
    }

    private static boolean letterSpaced(String typed) {
        for (int i = 1; i < typed.length(); i++) {
            if (Character.isLetter(typed.charAt(i)) && Character.isLetter(typed.charAt(i - 1))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a letters-and-digits code holds letters only (and dashes or spaces), with no digit at all. */
    static boolean lettersOnly(CodeShape.Alphabet alphabet, String code) {
        return alphabet == CodeShape.Alphabet.LETTERS_AND_DIGITS && code.chars().noneMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * Whether the line around a match holds another word of letters only whose length is neither a code's nor a
     * group's: then the line is a sentence ("codes typed from the printout") and the match one of its words. Only the
     * match's own cell counts (the paste reader puts a tab between a table's cells): a code alone in its cell, with
     * "available" in the next, is no word of a sentence; nor is a label that calls it a code ({@code X backup code:
     * ...}), though a label of anything else is ({@code team: acme-prod}).
     */
    static boolean amongOtherWords(String line, int start, int end, CodeShape shape) {
        int cellStart = line.lastIndexOf('\t', start - 1) + 1;
        int colon = line.lastIndexOf(':', start - 1);
        if (colon >= cellStart) {
            if (!CODE_LABEL.matcher(line.substring(cellStart, colon)).find()
                    && LABEL_WORD.matcher(line.substring(cellStart, colon)).find()) {
                // A label of anything else ("Assignee: helpdesk"), whatever its words' lengths.
                return true;
            }
            cellStart = colon + 1;
        }
        int tab = line.indexOf('\t', end);
        int cellEnd = tab < 0 ? line.length() : tab;
        // Only the words near the match are its sentence: looking further would make a long line of matches quadratic.
        if (start - cellStart > SENTENCE_REACH) {
            cellStart = start - SENTENCE_REACH;
            while (cellStart < start && Character.isLetterOrDigit(line.charAt(cellStart))) {
                cellStart++;
            }
        }
        if (cellEnd - end > SENTENCE_REACH) {
            cellEnd = end + SENTENCE_REACH;
            while (cellEnd > end && Character.isLetterOrDigit(line.charAt(cellEnd - 1))) {
                cellEnd--;
            }
        }
        int wordStart = -1;
        for (int i = cellStart; i <= cellEnd; i++) {
            boolean wordChar = i < cellEnd && Character.isLetterOrDigit(line.charAt(i));
            if (wordChar && wordStart < 0) {
                wordStart = i;
            } else if (!wordChar && wordStart >= 0) {
                int length = i - wordStart;
                boolean outside = i <= start || wordStart >= end;
                if (outside
                        && length >= 2
                        && line.substring(wordStart, i).chars().allMatch(Character::isLetter)
                        && !shape.lengths().contains(length)
                        && !shape.groupSizes().contains(length)) {
                    return true;
                }
                wordStart = -1;
            }
        }
        return false;
    }

    /**
     * Vowels (and y) make up two fifths or more of the letters, and no more than two consonants or two vowels follow
     * each other.
     */
    private static boolean pronounceable(String word) {
        int vowels = 0;
        int consonantRun = 0;
        int vowelRun = 0;
        for (int i = 0; i < word.length(); i++) {
            if (isVowel(word.charAt(i))) {
                vowels++;
                vowelRun++;
                consonantRun = 0;
            } else {
                consonantRun++;
                vowelRun = 0;
            }
            if (consonantRun > 2 || vowelRun > 2) {
                return false;
            }
        }
        return vowels * 5 >= word.length() * 2;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }
}
