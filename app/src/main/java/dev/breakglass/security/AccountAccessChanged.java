package dev.breakglass.security;

import java.util.UUID;

/**
 * Published by the accounts feature (kept here, beside the roles, so the audit log need not depend on it):
 * someone was given access to an account, had their account role changed, or lost access. Published inside
 * the change's transaction, so the audit event is saved with it.
 *
 * @param previousRole null when the access was just granted
 * @param role null when the access was revoked
 */
public record AccountAccessChanged(
        UUID workspaceId, UUID actorId, UUID accountId, UUID userId, AccountRole previousRole, AccountRole role) {}
