package dev.breakglass.backupcodes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One break-glass request as the account's Owners and its requester see it. Never holds a code.
 *
 * @param approvedBy the Owners who approved so far, by name
 * @param answeredByName who denied it, or whose approval completed it; empty when it was approved by itself
 * @param approvalExpiresAt until when an approval lets the requester take the code
 */
public record CodeRequest(
        UUID id,
        UUID accountId,
        UUID requesterId,
        String requesterName,
        String reason,
        RequestState state,
        int approvalsNeeded,
        List<String> approvedBy,
        OffsetDateTime createdAt,
        OffsetDateTime autoApproveAt,
        String answeredByName,
        String answerNote,
        boolean autoApproved,
        OffsetDateTime approvalExpiresAt,
        OffsetDateTime endedAt) {

    /** The reason's first line, as notices and e-mails quote it. */
    public String reasonFirstLine() {
        return firstLine(reason);
    }

    /** The first line of a text, at most 120 characters. */
    public static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }
}
