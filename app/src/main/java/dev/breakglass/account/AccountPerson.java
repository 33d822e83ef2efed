package dev.breakglass.account;

import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import java.util.UUID;

/**
 * Someone who has access to an account, as its Users tab lists them.
 *
 * @param active false when they are deactivated in the workspace (their access is kept, but unusable)
 */
public record AccountPerson(
        UUID userId, String displayName, String email, AccountRole role, WorkspaceRole workspaceRole, boolean active) {}
