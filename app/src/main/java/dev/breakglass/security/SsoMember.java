package dev.breakglass.security;

import java.util.UUID;

/** A member as the Single sign-on page lists them, to choose the break-glass admin. */
public record SsoMember(UUID userId, String displayName, String email) {}
