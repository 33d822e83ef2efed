package dev.breakglass.security;

import java.util.UUID;

/**
 * A member added, renamed or removed one of their passkeys.
 *
 * @param previousName the name before a rename; null otherwise
 */
public record PasskeyChanged(UUID workspaceId, UUID userId, Change change, String name, String previousName) {

    public enum Change {
        ADDED,
        RENAMED,
        REMOVED
    }
}
