package dev.breakglass.security;

import java.util.List;
import java.util.UUID;

/**
 * Published by the accounts feature (kept here, beside the roles, so the audit log need not depend on it): an
 * account was added, by hand or by an import, with its first Owners and Collaborators. Published inside the
 * change's transaction, so the audit event is saved with it.
 *
 * @param appName the app's name as shown, for an app no plugin serves the name the user typed
 * @param imported whether it came from an import of accounts
 */
public record AccountAdded(
        UUID workspaceId,
        UUID actorId,
        UUID accountId,
        String label,
        String appKey,
        String appName,
        String mfaState,
        List<UUID> owners,
        List<UUID> collaborators,
        boolean imported) {

    public AccountAdded {
        owners = List.copyOf(owners);
        collaborators = List.copyOf(collaborators);
    }
}
