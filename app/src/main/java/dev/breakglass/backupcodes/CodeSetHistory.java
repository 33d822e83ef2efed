package dev.breakglass.backupcodes;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One set of codes an account has had.
 *
 * @param state ACTIVE, REPLACED or DELETED
 * @param endedAt when it was replaced or deleted; null while active
 */
public record CodeSetHistory(
        UUID setId,
        String state,
        int codeCount,
        int usedCount,
        OffsetDateTime savedAt,
        String savedByName,
        OffsetDateTime endedAt,
        String endedByName) {}
