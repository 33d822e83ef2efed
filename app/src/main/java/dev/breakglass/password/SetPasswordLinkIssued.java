package dev.breakglass.password;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An admin created a one-time set-password link for a member. Carries no part of the token. */
public record SetPasswordLinkIssued(UUID workspaceId, UUID actorId, UUID userId, OffsetDateTime expiresAt) {
}
