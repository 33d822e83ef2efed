package dev.breakglass.backupcodes;

import java.util.UUID;

/** A set of codes was replaced by a new one; the old set's ciphertexts are gone. */
public record CodesReplaced(
        UUID workspaceId,
        UUID accountId,
        UUID actorId,
        UUID oldSetId,
        int oldCount,
        int oldUsed,
        UUID newSetId,
        int newCount,
        String formatId) {}
