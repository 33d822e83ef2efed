package dev.breakglass.workspace;

import java.util.UUID;

/**
 * A workspace was created with its Owner. Published inside the creating transaction, so the audit event is saved
 * with the workspace.
 *
 * @param actorId who created it: null for the command line (the system), the new Owner on the first-run page
 */
public record WorkspaceCreated(UUID workspaceId, UUID actorId, UUID ownerId, String name, Origin origin) {

    /** Where the workspace was created. */
    public enum Origin {
        COMMAND_LINE,
        FIRST_RUN_PAGE
    }
}
