package dev.breakglass.backupcodes;

import java.util.UUID;

/** A new set of backup codes was saved for an account. Carries counts, never codes. */
public record CodesSaved(UUID workspaceId, UUID accountId, UUID actorId, UUID setId, int codeCount, String formatId) {}
