package dev.breakglass.security;

import java.util.UUID;

/**
 * Proof that the signed-in user may manage another member of their workspace.
 *
 * @param manager the signed-in user, with their current role
 * @param targetRole the managed member's current role
 * @param targetActive whether the managed member is active (not deactivated)
 */
public record ManagerGrant(MemberGrant manager, UUID targetUserId, WorkspaceRole targetRole, boolean targetActive) {}
