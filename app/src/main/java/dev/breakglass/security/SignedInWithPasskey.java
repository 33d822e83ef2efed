package dev.breakglass.security;

import java.util.UUID;

/**
 * A member signed in with a passkey (verified by the authenticator: it counts as both factors).
 *
 * @param address the client's IP address as the server saw it
 */
public record SignedInWithPasskey(UUID workspaceId, UUID userId, String address) {}
