package dev.breakglass.audit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which audit events to list; null parts match everything.
 *
 * @param from first day included (UTC)
 * @param to last day included (UTC)
 */
public record AuditFilter(UUID actorId, String action, UUID accountId, LocalDate from, LocalDate to) {

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null);
    }
}
