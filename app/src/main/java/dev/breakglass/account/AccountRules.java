package dev.breakglass.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The rules for what an account's fields may hold, for the form and the import alike. */
final class AccountRules {

    static final int LABEL_MAX = 200;
    static final int LOGIN_NAME_MAX = 320;
    static final int APP_NAME_MAX = 100;
    static final int URL_MAX = 2000;
    static final int NOTES_MAX = 4000;

    private AccountRules() {}

    /** The form with surrounding blanks trimmed and empty optional fields as null. */
    static AccountForm clean(AccountForm form) {
        String appKey = blankToNull(form.appKey());
        return new AccountForm(
                appKey == null ? null : appKey.toLowerCase(Locale.ROOT),
                AppChoice.OTHER.equals(appKey) ? blankToNull(form.otherAppName()) : null,
                form.label() == null ? "" : form.label().strip(),
                blankToNull(form.loginName()),
                form.mfaState() == null ? MfaState.UNKNOWN : form.mfaState(),
                blankToNull(form.signInUrl()),
                form.notes() == null || form.notes().isBlank()
                        ? null
                        : form.notes().strip());
    }

    /** Every problem of a cleaned form but a label clash, which needs the database. */
    static Map<AccountField, String> problems(AccountForm form) {
        Map<AccountField, String> problems = new EnumMap<>(AccountField.class);
        if (form.appKey() == null) {
            problems.put(AccountField.APP, "Choose the app, or Other app.");
        } else if (AppChoice.OTHER.equals(form.appKey()) && form.otherAppName() == null) {
            problems.put(AccountField.APP_NAME, "Type the app's name.");
        } else if (form.otherAppName() != null && form.otherAppName().length() > APP_NAME_MAX) {
            problems.put(
                    AccountField.APP_NAME, "The app's name is too long: keep it to " + APP_NAME_MAX + " characters.");
        }
        labelProblem(form.label()).ifPresent(problem -> problems.put(AccountField.LABEL, problem));
        if (form.loginName() != null && form.loginName().length() > LOGIN_NAME_MAX) {
            problems.put(
                    AccountField.LOGIN_NAME,
                    "The login name is too long: keep it to " + LOGIN_NAME_MAX + " characters.");
        }
        if (form.signInUrl() != null && !isWebAddress(form.signInUrl())) {
            problems.put(AccountField.URL, "The sign-in URL must be a web address starting with https:// or http://.");
        }
        if (form.notes() != null && form.notes().length() > NOTES_MAX) {
            problems.put(AccountField.NOTES, "The notes are too long: keep them to " + NOTES_MAX + " characters.");
        }
        return problems;
    }

    static Optional<String> labelProblem(String label) {
        if (label == null || label.isBlank()) {
            return Optional.of("Give the account a label, such as \u201cAcme GitHub\u201d.");
        }
        if (label.strip().length() > LABEL_MAX) {
            return Optional.of("The label is too long: keep it to " + LABEL_MAX + " characters.");
        }
        return Optional.empty();
    }

    static String labelClash(String existing) {
        return "Another account is already labelled \u201c" + existing
                + "\u201d. Choose a label that tells them apart.";
    }

    private static boolean isWebAddress(String text) {
        if (text.length() > URL_MAX || text.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
