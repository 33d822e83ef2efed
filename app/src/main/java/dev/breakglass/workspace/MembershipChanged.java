package dev.breakglass.workspace;

import dev.breakglass.security.WorkspaceRole;
import java.util.List;
import java.util.UUID;

/**
 * Someone's membership of a workspace changed: added, role changed, deactivated, reactivated, removed, or
 * made the workspace Owner. Published inside the change's transaction, so the audit event is saved with it.
 *
 * @param previousRole the role before the change; the same as {@code role} when it did not change
 * @param role the role after the change
 * @param orphanedAccounts the accounts this change left without an active Owner
 */
public record MembershipChanged(
        Change change,
        UUID workspaceId,
        UUID actorId,
        UUID userId,
        WorkspaceRole previousRole,
        WorkspaceRole role,
        List<UUID> orphanedAccounts) {

    /** What happened to the membership. */
    public enum Change {
        ADDED,
        ROLE_CHANGED,
        DEACTIVATED,
        REACTIVATED,
        REMOVED,
        OWNERSHIP_RECEIVED
    }

    public MembershipChanged {
        orphanedAccounts = List.copyOf(orphanedAccounts);
    }
}
