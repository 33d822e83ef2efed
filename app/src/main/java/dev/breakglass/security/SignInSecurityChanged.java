package dev.breakglass.security;

import java.util.UUID;

/**
 * A member's second factors, recovery codes or the workspace's second-factor policy changed, or a confirmation of
 * identity failed. Never carries a secret, a code or what was typed.
 *
 * @param actorId who did it (for a reset, the admin)
 * @param memberId whose sign-in security it is; for a policy change, the actor
 * @param count how many (recovery codes generated, failed confirmations in a row); zero when it means nothing
 * @param detail a word more (the new policy's name, the factor's kind); empty when none
 */
public record SignInSecurityChanged(
        UUID workspaceId, UUID actorId, UUID memberId, SignInSecurityAction action, int count, String detail) {}
