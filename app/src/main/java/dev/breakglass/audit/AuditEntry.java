package dev.breakglass.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One audit event as people read it.
 *
 * @param seq the event's place in its workspace's chain
 * @param details the event's details as JSON: ids and counts, never a code
 */
public record AuditEntry(
        long seq,
        OffsetDateTime at,
        UUID actorId,
        String actorName,
        String action,
        UUID accountId,
        String accountLabel,
        String details) {

    /** The action in words, such as "Viewed codes" for {@code CODES_REVEALED}. */
    public String actionLabel() {
        return AuditActions.label(action);
    }

    /** The words for an action code. */
    public static String labelOf(String action) {
        return AuditActions.label(action);
    }
}
