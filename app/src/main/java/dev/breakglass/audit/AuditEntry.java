package dev.breakglass.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One audit event as people read it.
 *
 * @param seq the event's place in its workspace's chain
 * @param details the event's details as JSON: ids and counts, never a code
 * @param subjectName the member the event is about (added, removed, asking for a code), when there is one
 */
public record AuditEntry(
        long seq,
        OffsetDateTime at,
        UUID actorId,
        String actorName,
        String action,
        UUID accountId,
        String accountLabel,
        String details,
        String subjectName) {

    /** What happened, in words: "Gina Guest, now Admin (was User)", "16 codes, 2 of them used". */
    public String summary() {
        return AuditSentences.summary(this);
    }

    /** The action in words, such as "Viewed codes" for {@code CODES_REVEALED}. */
    public String actionLabel() {
        return AuditActions.label(action);
    }

    /** The words for an action code. */
    public static String labelOf(String action) {
        return AuditActions.label(action);
    }
}
