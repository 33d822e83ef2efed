package dev.breakglass.backupcodes;

import java.util.UUID;

/** A set of codes was deleted; its ciphertexts are gone, its history line stays. */
public record CodesDeleted(UUID workspaceId, UUID accountId, UUID actorId, UUID setId, int codeCount, int usedCount) {}
