package dev.breakglass.backupcodes;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What anyone with access to an account may know about its saved codes: how many, how many are left,
 * when and by whom they were saved.
 */
public record CodeSetSummary(
        UUID setId, int codeCount, int remaining, OffsetDateTime savedAt, String savedByName, String formatId) {}
