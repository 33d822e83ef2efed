package dev.breakglass.security;

import java.util.UUID;

/**
 * A sign-in with a member's e-mail address failed, or was refused because of too many failures. Only
 * attempts on a known member's address are published; the password typed is never part of it.
 *
 * @param address the client's IP address as the server saw it
 * @param throttled whether the attempt was refused without checking the password
 */
public record LoginFailed(UUID workspaceId, UUID userId, String address, boolean throttled) {}
