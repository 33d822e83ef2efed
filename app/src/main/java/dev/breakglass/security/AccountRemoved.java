package dev.breakglass.security;

import java.util.UUID;

/**
 * Published by the accounts feature (kept here so the audit log, the notifications and the backup codes need
 * not depend on it): an account was removed. Its codes are destroyed in the same transaction; its history and
 * audit trail stay.
 *
 * @param activeSetId the set of codes saved when it was removed, or null
 */
public record AccountRemoved(UUID workspaceId, UUID actorId, UUID accountId, String label, UUID activeSetId) {}
