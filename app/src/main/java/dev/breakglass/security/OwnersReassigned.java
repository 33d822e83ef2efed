package dev.breakglass.security;

import java.util.List;
import java.util.UUID;

/**
 * Published by the accounts feature (kept here, beside the roles, so the audit log need not depend on it): a
 * workspace Owner or Super Admin set an account's Owners through all-access, for example to recover an
 * orphaned account. Former Owners who are not in the new list stay as Collaborators.
 */
public record OwnersReassigned(
        UUID workspaceId, UUID actorId, UUID accountId, List<UUID> previousOwners, List<UUID> owners) {

    public OwnersReassigned {
        previousOwners = List.copyOf(previousOwners);
        owners = List.copyOf(owners);
    }
}
