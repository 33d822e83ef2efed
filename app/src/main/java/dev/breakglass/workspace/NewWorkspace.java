package dev.breakglass.workspace;

import dev.breakglass.password.SetPasswordLink;
import java.util.UUID;

/**
 * A workspace just created, with its Owner and the one-time link the Owner chooses a password with.
 *
 * @param link a secret: shown once to whoever created the workspace, never logged
 */
public record NewWorkspace(UUID workspaceId, String name, UUID ownerId, String ownerEmail, SetPasswordLink link) {}
