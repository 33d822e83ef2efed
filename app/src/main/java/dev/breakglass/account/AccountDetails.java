package dev.breakglass.account;

import dev.breakglass.security.AccountRole;
import java.util.UUID;

/**
 * An account as its details page shows it.
 *
 * @param otherAppName the name typed for an app no plugin serves, else null
 * @param version the version the page shows, for saving an edit of it
 * @param mayEdit whether the signed-in member may edit and remove it (the service checks again)
 * @param mayReadActivity whether the signed-in member may read its Activity: an Owner, or a former Owner who still
 *     has access (the audit log checks again)
 */
public record AccountDetails(
        UUID id,
        String label,
        String appKey,
        String appName,
        String loginName,
        MfaState mfaState,
        AccountRole myRole,
        String otherAppName,
        String signInUrl,
        String notes,
        int version,
        boolean mayEdit,
        boolean mayReadActivity) {

    /** The settings as a form, to start an edit from. */
    public AccountForm form() {
        return new AccountForm(appKey, otherAppName, label, loginName, mfaState, signInUrl, notes);
    }
}
