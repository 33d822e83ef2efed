package dev.breakglass.backupcodes;

import java.util.UUID;

/**
 * Stored codes could not be decrypted when someone asked for them: altered, moved, or encrypted with a key this
 * installation no longer has. Carries the cipher's sentence, never a code.
 *
 * @param handingOut whether it happened while handing out the next code (else while viewing the set)
 */
public record CodesUnreadable(
        UUID workspaceId, UUID accountId, UUID actorId, UUID setId, boolean handingOut, String reason) {}
