package dev.breakglass.formats;

import dev.breakglass.paste.LookAlikes;
import java.util.Optional;

/** Why a paste cannot be saved, with the sentence the user reads. */
public enum PasteProblem {
    EMPTY("empty", "Paste the backup codes first: the field is empty."),
    NO_CODES("no_codes", "No backup codes were found. Paste the codes exactly as the app showed or downloaded them."),
    TOO_LARGE(
            "too_large",
            "That is more than 64 KiB of text, far more than a set of backup codes. Paste only the codes."),
    TOO_MANY("too_many", "More than 100 codes were found. Paste one set of backup codes at a time."),
    NOT_TEXT("not_text", "That does not look like text. Paste the codes as text, not a file's raw contents."),
    // Look-alike secrets: still "no_codes" for the parse command and any caller, with a sentence that says what it was.
    TOTP_SECRET(
            "no_codes",
            "That looks like a two-factor setup key (a TOTP secret or otpauth:// link), not backup codes. Paste the"
                    + " backup codes the app lists for when the phone is lost."),
    API_TOKEN(
            "no_codes",
            "That looks like an API token, not backup codes. Tokens do not belong here: paste the backup codes the"
                    + " app showed or downloaded."),
    PASSWORD_MANAGER_KEY(
            "no_codes",
            "That looks like a password manager's secret key or emergency kit, not backup codes. Keep it where it"
                    + " is and paste the app's backup codes."),
    SEED_PHRASE(
            "no_codes",
            "That looks like a wallet's recovery phrase (a list of words), not backup codes. Paste the app's backup"
                    + " codes."),
    LICENCE_KEY(
            "no_codes", "That looks like a product or licence key, not backup codes. Paste the app's backup codes."),
    ONE_TIME_CODE(
            "no_codes",
            "That looks like a one-time code sent by text message or e-mail, not backup codes. Paste the backup"
                    + " codes the app showed or downloaded."),
    PASSWORD(
            "no_codes",
            "That looks like a password or a Wi-Fi key, not backup codes. Keep it in the password manager and paste"
                    + " the app's backup codes.");

    private final String code;
    private final String message;

    PasteProblem(String code, String message) {
        this.code = code;
        this.message = message;
    }

    /** A stable identifier, such as {@code no_codes}. */
    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** Why a paste without codes was refused: what it held instead, when it held a look-alike secret. */
    static PasteProblem noCodes(Optional<LookAlikes.Kind> lookAlike) {
        return lookAlike
                .map(kind -> switch (kind) {
                    case TOTP_SECRET -> TOTP_SECRET;
                    case API_TOKEN -> API_TOKEN;
                    case PASSWORD_MANAGER_KEY -> PASSWORD_MANAGER_KEY;
                    case SEED_PHRASE -> SEED_PHRASE;
                    case LICENCE_KEY -> LICENCE_KEY;
                    case ONE_TIME_CODE -> ONE_TIME_CODE;
                    case PASSWORD -> PASSWORD;
                })
                .orElse(NO_CODES);
    }
}
