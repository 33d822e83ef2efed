package dev.breakglass.password;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An admin, or the system for a new workspace's first Owner, created a one-time set-password link for a member.
 * Carries no part of the token.
 *
 * @param actorId the admin who issued it; null when the system did
 * @param replacesPassword whether the member already has a password, which the link would replace: the member is
 *     told, in case it was not them who asked
 */
public record SetPasswordLinkIssued(
        UUID workspaceId, UUID actorId, UUID userId, OffsetDateTime expiresAt, boolean replacesPassword) {}
