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
            Map.entry("CODES_DELETED", "Deleted codes"),
            Map.entry("CODES_UNREADABLE", "Codes could not be decrypted"),
            Map.entry("REQUEST_REQUESTED", "Requested a code"),
            Map.entry("REQUEST_APPROVAL_ADDED", "Approved a request (one more approval needed)"),
            Map.entry("REQUEST_APPROVED", "Approved a request"),
            Map.entry("REQUEST_AUTO_APPROVED", "Request approved automatically"),
            Map.entry("REQUEST_DENIED", "Denied a request"),
            Map.entry("REQUEST_CANCELLED", "Cancelled a request"),
            Map.entry("REQUEST_EXPIRED", "Request approval expired"),
            Map.entry("REQUEST_CODE_TAKEN", "Took the approved code"),
            Map.entry("MAIL_FAILED", "E-mail could not be delivered"),
            Map.entry("ENCRYPTION_KEY_ROTATED", "Rotated the encryption key"),
            Map.entry("CODES_REWRAPPED", "Re-encrypted codes with the newest key"),
            Map.entry("AUDIT_LOG_EXPORTED", "Exported the audit log"),
            Map.entry("WORKSPACE_CREATED", "Created the workspace"),
            Map.entry("MEMBER_ADDED", "Added a member"),
            Map.entry("MEMBER_ROLE_CHANGED", "Changed a member's role"),
            Map.entry("MEMBER_DEACTIVATED", "Deactivated a member"),
            Map.entry("MEMBER_REACTIVATED", "Reactivated a member"),
            Map.entry("MEMBER_REMOVED", "Removed a member"),
            Map.entry("MEMBER_OWNERSHIP_RECEIVED", "Made a member Workspace owner"),
            Map.entry("ACCESS_GRANTED", "Shared an account"),
            Map.entry("ACCESS_ROLE_CHANGED", "Changed an account role"),
            Map.entry("ACCESS_REVOKED", "Removed account access"),
            Map.entry("OWNERS_REASSIGNED", "Reassigned Account owners"),
            Map.entry("SET_PASSWORD_LINK_ISSUED", "Issued a set-password link"),
            Map.entry("PASSWORD_CHANGED", "Changed their password"),
            Map.entry("PASSWORD_SET_BY_LINK", "Set a password by link"),
            Map.entry("LOGIN_FAILED", "Failed to sign in"),
            Map.entry("LOGIN_THROTTLED", "Sign-in refused: too many failures"),
            Map.entry("LOGIN_SUCCEEDED", "Signed in with a password"),
            Map.entry("LOGIN_WITH_PASSKEY", "Signed in with a passkey"),
            Map.entry("PASSKEY_ADDED", "Added a passkey"),
            Map.entry("PASSKEY_RENAMED", "Renamed a passkey"),
            Map.entry("PASSKEY_REMOVED", "Removed a passkey"),
            Map.entry("SECOND_FACTOR_ENROLLED", "Set up a second factor"),
            Map.entry("SECOND_FACTOR_REMOVED", "Removed a second factor"),
            Map.entry("RECOVERY_CODES_GENERATED", "Generated recovery codes"),
            Map.entry("RECOVERY_CODE_USED", "Used a recovery code"),
            Map.entry("SECOND_FACTORS_RESET", "Reset a member's second factor"),
            Map.entry("SECOND_FACTOR_POLICY_CHANGED", "Changed who needs a second factor"),
            Map.entry("IDENTITY_CONFIRMATION_FAILED", "Failed to confirm their identity"),
            Map.entry("SESSION_ENDED_AFTER_FAILED_CONFIRMATIONS", "Signed out after failed confirmations"),
            Map.entry("LOGIN_WITH_SSO", "Signed in with single sign-on"),
            Map.entry("SSO_LINKED", "Linked to the identity provider"),
            Map.entry("SSO_MEMBER_JOINED", "Joined through single sign-on"),
            Map.entry("SSO_LOGIN_REFUSED", "Single sign-on refused"),
            Map.entry("SSO_IDENTITY_CONFIRMED", "Confirmed their identity with single sign-on"),
            Map.entry("SSO_LOGGED_OUT_BY_PROVIDER", "Signed out by the identity provider"),
            Map.entry("SSO_SETTINGS_CHANGED", "Changed single sign-on"),
            Map.entry("SSO_SETTINGS_REMOVED", "Turned off single sign-on"),
            Map.entry("ACCOUNT_ADDED", "Added an account"),
            Map.entry("ACCOUNT_EDITED", "Edited an account"),
            Map.entry("ACCOUNT_REMOVED", "Removed an account"));

    private AuditActions() {}

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
