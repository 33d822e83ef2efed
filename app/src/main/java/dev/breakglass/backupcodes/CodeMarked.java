package dev.breakglass.backupcodes;

import java.util.UUID;

/**
 * A code was marked used or unused.
 *
 * @param used whether it is now used
 * @param handedOut whether it was handed out by Use next code (and so shown to the actor)
 * @param remaining unused codes left in the set afterwards
 */
public record CodeMarked(
        UUID workspaceId,
        UUID accountId,
        UUID actorId,
        UUID setId,
        int position,
        boolean used,
        boolean handedOut,
        int remaining) {}
