package dev.breakglass.security;

import java.io.Serializable;
import java.util.UUID;

/**
 * The person behind the current request, in the workspace they signed in to.
 *
 * @param role the workspace role as it was at sign-in; permission checks read the current one
 */
public record SignedInUser(UUID userId, UUID workspaceId, String email, String displayName, WorkspaceRole role)
        implements Serializable {}
