package dev.breakglass.backupcodes;

import java.util.UUID;

/** Someone was shown an account's backup codes. Carries counts, never codes. */
public record CodesRevealed(UUID workspaceId, UUID accountId, UUID actorId, UUID setId, int codeCount) {}
