package dev.breakglass.password;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An admin, or the system for a new workspace's first Owner, created a one-time set-password link for a member.
 * Carries no part of the token.
 *
 * @param actorId the admin who issued it; null when the system did
 */
public record SetPasswordLinkIssued(UUID workspaceId, UUID actorId, UUID userId, OffsetDateTime expiresAt) {}
