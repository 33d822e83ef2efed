package dev.breakglass.security;

import java.util.UUID;

/**
 * A member signed in with their password, and with a code from their authenticator app (or a recovery code) when
 * they have one.
 *
 * @param address the client's IP address as the server saw it
 * @param withCode whether a second step with a code completed the sign-in
 */
public record SignedInWithPassword(UUID workspaceId, UUID userId, String address, boolean withCode) {}
