package dev.breakglass.security;

import java.time.Instant;

/**
 * One of a member's passkeys as their Sign-in security page lists it.
 *
 * @param id the credential id (base64url), as the browser knows it
 * @param lastUsed when it last signed in or confirmed identity; null if never
 */
public record Passkey(String id, String name, Instant created, Instant lastUsed) {}
