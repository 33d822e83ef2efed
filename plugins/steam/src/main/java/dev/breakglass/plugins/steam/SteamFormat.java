package dev.breakglass.plugins.steam;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.FormatReading;
import dev.breakglass.plugin.FoundCode;
import dev.breakglass.plugin.LineCodeFormat;
import dev.breakglass.plugin.Paste;
import dev.breakglass.plugin.PasteLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Steam Guard's codes: the recovery code, the letter R and five digits such as {@code R12345}, shown when the mobile
 * authenticator is set up; and the backup codes generated on request, a list of codes of Steam's code alphabet (digits
 * 2 to 9 and consonants) such as {@code 7Q7NF77}. See this plugin's README for the sources.
 */
@Extension
public final class SteamFormat extends LineCodeFormat {

    /** Steam's code alphabet: no 0, 1, vowels or letters that read like them. */
    private static final String ALPHABET = "23456789BCDFGHJKMNPQRTVWXY";

    private static final Pattern RECOVERY_CODE = Pattern.compile("R\\d{5}", Pattern.CASE_INSENSITIVE);

    /** A code printed one character at a time: five or seven characters with a space between each. */
    private static final Pattern LETTER_SPACED =
            Pattern.compile("[A-Za-z0-9](?: [A-Za-z0-9]){4}(?:(?: [A-Za-z0-9]){2})?");

    /** The SDK's shapes of a typed code, for its guard against English words. */
    private static final CodeShape FIVE = CodeShape.lettersAndDigits(5).caseKept();

    private static final CodeShape SEVEN = CodeShape.lettersAndDigits(7).caseKept();

    /** The app's own words, never a code typed by hand. */
    private static final Set<String> APP_WORDS = Set.of("steam", "guard", "valve");

    /** Backup codes come as a list: fewer than this in a paste are a Steam Guard sign-in code, not backup codes. */
    private static final int MIN_BACKUP_CODES = 2;

    public SteamFormat() {
        super(
                FormatFacts.of("steam", "Steam")
                        .settingsPage("https://store.steampowered.com/twofactor/manage")
                        .expectedCodes(1)
                        .keywords("steam", "steam guard", "steamguard"),
                RECOVERY_CODE);
    }

    /** Saved in capitals, as Steam shows them, so that {@code r12345} typed by hand is the same code. */
    @Override
    protected String canonical(String matched) {
        return matched.toUpperCase(Locale.ROOT);
    }

    /** Shown as the app shows it. */
    @Override
    public String display(String code) {
        return code;
    }

    /**
     * The recovery code wherever it is; backup codes only when the paste holds a list of them (two or more): a lone
     * code of five characters is the sign-in code Steam Guard sends or shows, which works once and is no backup code.
     * A code of Steam's alphabet counts wherever it stands. A code typed again by hand need not keep to that alphabet
     * (a vowel, a 0 or a 1 typed for a look-alike): it counts in one case, on a line of codes only (a list, a row, a
     * checklist, a code letter-spaced), and, when it is letters only, if it is no English word. Each whole word of a
     * line is tested by hand rather than with a pattern at every word start, which is slow on a long paste.
     */
    @Override
    public FormatReading read(Paste paste) {
        List<FoundCode> recovery = new ArrayList<>();
        List<FoundCode> backup = new ArrayList<>();
        for (PasteLine line : paste.lines()) {
            String text = line.text();
            String spaced = text.strip();
            if (LETTER_SPACED.matcher(spaced).matches()) {
                String word = spaced.replace(" ", "");
                if (isBackupCode(word) || (isTypedCode(word) && !readsAsAWord(word))) {
                    backup.add(new FoundCode(canonical(word), line.index(), text.indexOf(spaced)));
                }
                continue;
            }
            List<FoundCode> typed = new ArrayList<>();
            boolean onlyCodes = true;
            int at = 0;
            while (at < text.length()) {
                if (!isWordChar(text.charAt(at))) {
                    at++;
                    continue;
                }
                int end = at;
                while (end < text.length() && isWordChar(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(at, end);
                if (isRecoveryCode(word)) {
                    recovery.add(new FoundCode(canonical(word), line.index(), at));
                } else if (isBackupCode(word)) {
                    backup.add(new FoundCode(canonical(word), line.index(), at));
                } else if (isTypedCode(word)) {
                    typed.add(new FoundCode(word, line.index(), at));
                } else {
                    onlyCodes = false;
                }
                at = end;
            }
            // The English-word test only for a line of codes alone, and last: most lines hold other words.
            if (onlyCodes && typed.stream().noneMatch(code -> readsAsAWord(code.code()))) {
                typed.forEach(code -> backup.add(new FoundCode(canonical(code.code()), code.line(), code.column())));
            }
        }
        List<FoundCode> found = new ArrayList<>(recovery);
        if (backup.size() >= MIN_BACKUP_CODES
                && (backup.stream().anyMatch(code -> hasDigit(code.code()))
                        || backup.stream().allMatch(code -> isBackupCode(code.code())))) {
            found.addAll(backup);
        }
        found.sort(Comparator.comparingInt(FoundCode::line).thenComparingInt(FoundCode::column));
        Set<Integer> linesWithCodes = new HashSet<>();
        found.forEach(code -> linesWithCodes.add(code.line()));
        List<PasteLine> unreadable = paste.lines().stream()
                .filter(line -> line.hasContent() && !linesWithCodes.contains(line.index()))
                .toList();
        return new FormatReading(found, unreadable);
    }

    private static boolean isRecoveryCode(String word) {
        if (word.length() != 6 || (word.charAt(0) != 'R' && word.charAt(0) != 'r')) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (word.charAt(i) < '0' || word.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBackupCode(String word) {
        if (word.length() != 5 && word.length() != 7) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (ALPHABET.indexOf(Character.toUpperCase(word.charAt(i))) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Five or seven letters and digits, all in one case: a backup code as someone typed it. */
    private static boolean isTypedCode(String word) {
        if (word.length() != 5 && word.length() != 7) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return !(upper && lower);
    }

    /** Letters only that the SDK's guard takes for an English word, or that name the app. */
    private static boolean readsAsAWord(String word) {
        return !hasDigit(word)
                && (APP_WORDS.contains(word.toLowerCase(Locale.ROOT))
                        || (word.length() == 5 ? FIVE : SEVEN)
                                .normalise(word.toLowerCase(Locale.ROOT))
                                .isEmpty());
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= '0' && word.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Letters, digits, underscores and dashes make one word, as for every line format. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
}
