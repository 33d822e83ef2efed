package dev.breakglass.password;

import java.util.UUID;

/**
 * A member chose a new password, either their own change or through a set-password link.
 *
 * @param byLink whether the password was set through a one-time link rather than changed by its owner
 * @param resetBy the admin whose link replaced a password the member already had (a reset, a break-glass event that
 *     holds the member's reveals for a while); null otherwise
 */
public record PasswordChanged(UUID workspaceId, UUID userId, boolean byLink, UUID resetBy) {}
