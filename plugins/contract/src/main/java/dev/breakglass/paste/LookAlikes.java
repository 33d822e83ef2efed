package dev.breakglass.paste;

import dev.breakglass.plugin.Paste;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets that look like backup codes but are not: API tokens with a well-known prefix, TOTP setup keys and
 * {@code otpauth://} links, a password manager's secret key, seed phrases, licence keys and one-time codes sent by
 * SMS. Their tokens are blanked before any format reads a line, and when a paste yields no code, {@link #in(String)}
 * says which of them it held, so the user reads why.
 */
public final class LookAlikes {

    /** What a paste held instead of backup codes. */
    public enum Kind {
        TOTP_SECRET,
        API_TOKEN,
        PASSWORD_MANAGER_KEY,
        SEED_PHRASE,
        LICENCE_KEY,
        ONE_TIME_CODE,
        PASSWORD
    }

    /** Tokens whose prefix says what they are; blanked wherever they appear. */
    static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])(?:"
            + "gh[pousr]_[A-Za-z0-9]{20,}"
            + "|github_pat_[A-Za-z0-9_]{20,}"
            + "|xox[abeoprs]-[A-Za-z0-9-]{10,}"
            + "|xapp-[A-Za-z0-9-]{10,}"
            + "|sk-(?:proj-|ant-|live-)?[A-Za-z0-9_-]{20,}"
            + "|[sr]k_(?:live|test)_[A-Za-z0-9]{10,}"
            // an AWS access key's ID, and the secret key beside it when the two are on one line (a CSV export)
            + "|(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}(?:[,;:|\\s]{1,4}[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+]))?"
            + "|glpat-[A-Za-z0-9_-]{20,}"
            + "|gl(?:dt|ptt|rt|oas|cbt)-[A-Za-z0-9_-]{20,}"
            + "|npm_[A-Za-z0-9]{36}"
            + "|pypi-[A-Za-z0-9_-]{20,}"
            + "|AIza[A-Za-z0-9_-]{30,}"
            + "|hv[sb]\\.[A-Za-z0-9_-]{20,}"
            + "|dop_v1_[a-f0-9]{20,}"
            + "|shp(?:at|ss|ca|pa)_[A-Fa-f0-9]{20,}"
            + "|SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}"
            + "|eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"
            + ")");

    /** What every {@link #TOKEN} starts with. */
    private static final List<String> TOKEN_PREFIXES = List.of(
            "ghp_",
            "gho_",
            "ghu_",
            "ghs_",
            "ghr_",
            "github_pat_",
            "xox",
            "xapp-",
            "sk-",
            "sk_",
            "rk_",
            "AKIA",
            "ASIA",
            "AGPA",
            "AIDA",
            "AROA",
            "glpat-",
            "gldt-",
            "glptt-",
            "glrt-",
            "gloas-",
            "glcbt-",
            "npm_",
            "pypi-",
            "AIza",
            "hvs.",
            "hvb.",
            "dop_v1_",
            "shpat_",
            "shpss_",
            "shpca_",
            "shppa_",
            "SG.",
            "eyJ");

    /** The first characters of {@link #TOKEN_PREFIXES}. */
    private static final String TOKEN_STARTS = "gxsrAnpSdhe";

    /** A 1Password secret key: A3, then six groups of letters and digits. */
    static final Pattern SECRET_KEY =
            Pattern.compile("(?<![A-Za-z0-9])A3-[A-Z0-9]{6}-[A-Z0-9]{5,6}(?:-[A-Z0-9]{5}){4}(?![A-Za-z0-9])");

    /*
     * The one vocabulary of look-alike secrets: NotCodes blanks the lines these words are on (and the line after one
     * that only names such a key), and in() names the kind of secret from them, so the two never disagree.
     */

    /** Words that name a TOTP setup key shown for manual entry (a regular expression, any case). */
    static final String TOTP_KEY_WORDS =
            "secret key|(?<!disablement[- ])secret|setup key|set-up key|text key|manual(?:ly)? entry|enter (?:this|the) key|can'?t scan"
                    + "|authenticator key";

    /** Words that name a product, licence or game key (a regular expression, any case). */
    static final String LICENCE_KEY_WORDS =
            "(?:product|licen[cs]e|activation|serial|registration)\\s*(?:keys?|numbers?|codes?|no\\.?|id)|(?:game|cd|steam)\\s*keys?"
                    // codes that buy or unlock something: a game's download code, a gift card, a voucher
                    + "|(?:download|redeem|redemption|gift|voucher|promo|promotional|coupon|discount|wallet)\\s*code"
                    + "|gift\\s*card(?:\\s*(?:code|number|no\\.?|pin))?|voucher";

    /** Words that name an API credential (a regular expression, any case). */
    static final String API_CREDENTIAL_WORDS =
            "api[ _-]?key|client[ _-]?(?:id|secret)|(?:security|access|bearer|api)[ _-]?token|secret access key";

    /**
     * A setting in a config file or a script whose name says it holds a secret: {@code aws_secret_access_key =},
     * {@code GITHUB_TOKEN=}, {@code db-password:} (a regular expression, any case). A setting named for codes or a
     * recovery key ({@code recovery_key =}) is not one, nor Tailscale's {@code disablement-secret:}, the secret that
     * turns tailnet lock off when its signing keys are lost: a break-glass secret of the kind Breakglass keeps.
     */
    static final String CONFIG_SECRET =
            "\\b(?!disablement)[a-z0-9][a-z0-9_-]{0,40}?[_-](?:secret|token|password|passwd|access[_-]?key"
                    + "|api[_-]?key)[a-z0-9_-]{0,40}\\s*[:=]|\\b(?:secret|token|password|passwd|api)[_-][a-z0-9_-]{0,40}\\s*[:=]";

    /** A line that gives a password, a Wi-Fi key, a PIN or a SIM's PUK after its label (a regular expression, any case). */
    static final String PASSWORD_LABEL =
            "^\\W*(?:wi-?fi\\s+|sim\\s+|one-?time\\s+|temporary\\s+)?(?:password|passphrase|passcode|pin|puk2?|network key|wpa2? key"
                    + "|app password)\\s*:";

    /** Words that say a code came by SMS (a regular expression, any case). */
    static final String SMS_WORDS = "sms|text message";

    /** Google's SMS code, {@code G-123456} (a regular expression, case as it is). */
    static final String GOOGLE_SMS_CODE = "\\bG-\\d{6}\\b";

    /**
     * A sentence that gives a one-time sign-in code on the next line: "use the following code to confirm your
     * identity:", "enter this verification code:". Not a bypass, backup or recovery code ("use the following codes").
     */
    static final Pattern ONE_TIME_CODE_BELOW =
            Pattern.compile("(?im)\\b(?:use|enter|type)\\s+(?:(?:the\\s+following|this)"
                    + "(?:\\s+(?:one-time|login|log-in|sign-in|verification|security|confirmation))?\\s+code|the\\s+code\\s+below)"
                    + "\\b(?!s)(?:\\s+below)?(?:\\s+to\\s+[^:\\n]{0,80})?:\\s*$"
                    + "|\\b(?:your|the)\\s+(?:[\\w-]+\\s+){0,2}(?:verification|security|login|log-in|sign-in|confirmation|one-time)"
                    + "\\s+code\\s+is\\s*:?\\s*$");

    private static final Pattern TOTP = Pattern.compile("(?i)otpauth://|\\b(?:" + TOTP_KEY_WORDS + ")\\b");
    private static final Pattern PASSWORD_MANAGER = Pattern.compile("(?i)\\bemergency kit\\b|\\b1password\\b");
    private static final Pattern LICENCE = Pattern.compile("(?i)\\b(?:" + LICENCE_KEY_WORDS + ")\\b");
    private static final Pattern API_CREDENTIAL =
            Pattern.compile("(?i)\\b(?:" + API_CREDENTIAL_WORDS + ")\\b|" + CONFIG_SECRET);
    private static final Pattern PASSWORD = Pattern.compile("(?im)" + PASSWORD_LABEL);
    /**
     * A password an app issues for one mail client or device ("App-Specific Password", "app password", "application
     * password"): Apple's, Google's and Microsoft's are 16 letters in four groups, a backup code's very layout.
     */
    private static final Pattern APP_PASSWORD =
            Pattern.compile("(?i)\\bapp(?:lication)?(?:[- ]specific)?[- ]passwords?\\b");

    private static final Pattern ONE_TIME =
            Pattern.compile("(?i)\\b(?:code|otp)\\s+is\\b|\\bis\\s+your\\b.*\\bcode\\b|\\buse\\s+\\d{4,8}\\s+to\\b|"
                    + GOOGLE_SMS_CODE + "|\\b(?:" + SMS_WORDS + ")\\b");
    private static final Pattern WORD = Pattern.compile("[a-z]{3,8}");

    private static final int MIN_SEED_WORDS = 12;

    /**
     * The lengths of a TOTP secret in base32 without padding: 80, 128, 160, 256 and 320 bits (RFC 4226 asks for 128
     * and recommends 160; 80 is the old Google Authenticator default, still common).
     */
    private static final Set<Integer> TOTP_SECRET_LENGTHS = Set.of(16, 26, 32, 52, 64);

    private LookAlikes() {}

    /**
     * What look-alike secret a paste held, when it held one; used to say why a paste without codes was refused.
     *
     * @param text the paste's text, cleaned by {@link PasteReader}
     */
    public static Optional<Kind> in(String text) {
        if (SECRET_KEY.matcher(text).find() || PASSWORD_MANAGER.matcher(text).find()) {
            return Optional.of(Kind.PASSWORD_MANAGER_KEY);
        }
        if (TOKEN.matcher(text).find() || API_CREDENTIAL.matcher(text).find()) {
            return Optional.of(Kind.API_TOKEN);
        }
        if (TOTP.matcher(text).find()) {
            return Optional.of(Kind.TOTP_SECRET);
        }
        if (LICENCE.matcher(text).find()) {
            return Optional.of(Kind.LICENCE_KEY);
        }
        if (ONE_TIME.matcher(text).find() || ONE_TIME_CODE_BELOW.matcher(text).find()) {
            return Optional.of(Kind.ONE_TIME_CODE);
        }
        if (isSeedPhrase(text)) {
            return Optional.of(Kind.SEED_PHRASE);
        }
        if (PASSWORD.matcher(text).find() || APP_PASSWORD.matcher(text).find()) {
            return Optional.of(Kind.PASSWORD);
        }
        return Optional.empty();
    }

    /**
     * Whether the paste gives an app password (for a mail client or a device) and speaks of no backup or recovery
     * code: whatever code-shaped value it holds is that password.
     */
    public static boolean isAppPassword(String text) {
        return (text.contains("assword") || text.contains("ASSWORD"))
                && APP_PASSWORD.matcher(text).find()
                && !BACKUP_CODES_NAME.matcher(text).find();
    }

    /**
     * Whether a code read from a paste is shaped like a bare TOTP secret (a base32 key shown without its label or
     * {@code otpauth://} link): only the letters A to Z and the digits 2 to 7, in any case, in one piece or in groups
     * split by spaces (as setup pages show them; a key printed with dashes is a recovery key's layout); of a secret's
     * usual length; with a letter beyond F (so a hexadecimal code never is one) and a digit. A backup code can have
     * this shape by chance (a Bitwarden recovery code, 32 of a-z and 0-9, about once in 40), so the reader refuses
     * such a code only when no format of the account's app read it.
     */
    public static boolean isBareTotpSecret(String code) {
        int length = 0;
        boolean letterBeyondF = false;
        boolean digit = false;
        for (int i = 0; i < code.length(); i++) {
            char c = Character.toUpperCase(code.charAt(i));
            if (c == ' ') {
                continue;
            }
            if (c >= '2' && c <= '7') {
                digit = true;
            } else if (c >= 'A' && c <= 'Z') {
                letterBeyondF |= c > 'F';
            } else {
                return false;
            }
            length++;
        }
        return letterBeyondF && digit && TOTP_SECRET_LENGTHS.contains(length);
    }

    /** Words that name a backup or recovery code, in any case. */
    private static final Pattern BACKUP_CODE_NAME = Pattern.compile(
            "(?i)\\b(?:recovery|backup|restore|scratch|bypass|rescue)\\s+code\\b|\\b(?:recovery|emergency|rescue)\\s+key\\b");

    private static final Pattern BACKUP_CODES_NAME =
            Pattern.compile("(?i)\\b(?:recovery|backup|restore|scratch|bypass|rescue)\\s+codes?\\b");

    /** Whether text names backup, recovery, restore, scratch or bypass codes ("... a bypass code for you:"). */
    public static boolean namesBackupCodes(String text) {
        return BACKUP_CODES_NAME.matcher(text).find() && !TOTP.matcher(text).find();
    }

    /**
     * Whether a paste's line, or the line just before it, names what is on it a backup, recovery, restore, scratch or
     * bypass code, or a recovery or emergency key ("Restore Code: ...", a page's "Your recovery code can be used ..."
     * over the code), and neither line speaks of a setup key or secret (a "backup key" or a "backup code (setup key)"
     * is a TOTP secret): a code there is labelled as what it is, not a secret pasted bare.
     */
    public static boolean namedABackupCode(Paste paste, int line) {
        return namedABackupCode(paste, line, 1);
    }

    /**
     * As {@link #namedABackupCode(Paste, int)}, looking at the line and up to {@code linesAbove} lines with text
     * above it (blank lines skipped): a page's heading "Your backup code", a sentence, then the code set apart.
     */
    public static boolean namedABackupCode(Paste paste, int line, int linesAbove) {
        boolean named = false;
        int looked = -1;
        for (int i = Math.min(line, paste.lines().size() - 1); i >= 0 && looked < linesAbove; i--) {
            String original = paste.lines().get(i).original();
            if (original.isBlank()) {
                continue;
            }
            looked++;
            if (TOTP.matcher(original).find()) {
                return false;
            }
            named |= BACKUP_CODE_NAME.matcher(original).find();
        }
        return named;
    }

    /** The line with every token and secret key blanked. */
    static String blankTokens(String line) {
        String blanked = mayHoldToken(line) ? TOKEN.matcher(line).replaceAll(" ") : line;
        return blanked.contains("A3-") ? SECRET_KEY.matcher(blanked).replaceAll(" ") : blanked;
    }

    /**
     * Whether a word on the line starts like a token: only then is the (slower) token pattern run over it. Only word
     * starts are tried, so a line costs one look per word.
     */
    private static boolean mayHoldToken(String line) {
        for (int at = 0; at < line.length(); at++) {
            if ((at > 0 && Character.isLetterOrDigit(line.charAt(at - 1)))
                    || TOKEN_STARTS.indexOf(line.charAt(at)) < 0) {
                continue;
            }
            for (String prefix : TOKEN_PREFIXES) {
                if (line.startsWith(prefix, at)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** 12 to 24 short lower-case words and nothing else (numbering aside): a wallet's recovery phrase. */
    private static boolean isSeedPhrase(String text) {
        String words = text.toLowerCase(Locale.ROOT).replaceAll("(?m)^\\s*\\d{1,2}[.):]?\\s+", " ");
        List<String> tokens = List.of(words.strip().split("\\s+"));
        if (tokens.size() < MIN_SEED_WORDS || tokens.size() > 24) {
            return false;
        }
        for (String token : tokens) {
            Matcher word = WORD.matcher(token);
            if (!word.matches()) {
                return false;
            }
        }
        return true;
    }
}
