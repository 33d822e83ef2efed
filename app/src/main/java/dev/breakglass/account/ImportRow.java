package dev.breakglass.account;

import java.util.List;

/**
 * One row of an import file as the preview shows it: the account it would create, or why it cannot.
 *
 * @param line the row's line in the file, counting the header
 * @param otherApp whether no plugin serves the app, so the account is for "Other app" with this name
 * @param owners the Owners' e-mail addresses; empty means the person importing becomes its Owner
 * @param problem why the row cannot be imported, or null when it can
 */
public record ImportRow(
        int line,
        String label,
        String appName,
        boolean otherApp,
        String loginName,
        MfaState mfaState,
        List<String> owners,
        List<String> collaborators,
        String problem) {

    public ImportRow {
        owners = List.copyOf(owners);
        collaborators = List.copyOf(collaborators);
    }

    public boolean valid() {
        return problem == null;
    }
}
