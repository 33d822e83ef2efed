package dev.breakglass.password;

import java.util.UUID;

/**
 * A member chose a new password, either their own change or through a set-password link.
 *
 * @param byLink whether the password was set through a one-time link rather than changed by its owner
 */
public record PasswordChanged(UUID workspaceId, UUID userId, boolean byLink) {}
