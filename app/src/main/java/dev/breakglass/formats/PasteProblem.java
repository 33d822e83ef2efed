package dev.breakglass.formats;

/** Why a paste cannot be saved, with the sentence the user reads. */
public enum PasteProblem {
    EMPTY("empty", "Paste the backup codes first: the field is empty."),
    NO_CODES("no_codes", "No backup codes were found. Paste the codes exactly as the app showed or downloaded them."),
    TOO_LARGE(
            "too_large",
            "That is more than 64 KiB of text, far more than a set of backup codes. Paste only the codes."),
    TOO_MANY("too_many", "More than 100 codes were found. Paste one set of backup codes at a time."),
    NOT_TEXT("not_text", "That does not look like text. Paste the codes as text, not a file's raw contents.");

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
}
