package dev.breakglass.backupcodes;

import java.util.UUID;

/**
 * A break-glass request was made, answered, approved by itself, expired, cancelled, or its code was taken.
 *
 * @param actorId who did it; null for what the schedule did (automatic approval, expiry)
 * @param text the reason (for {@link Change#REQUESTED}) or the Owner's note; never a code
 */
public record CodeRequestChanged(
        UUID workspaceId, UUID accountId, UUID requestId, UUID actorId, UUID requesterId, Change change, String text) {

    /** What happened to the request. */
    public enum Change {
        REQUESTED,
        /** One Owner approved; a second Owner's approval is still needed. */
        APPROVAL_ADDED,
        APPROVED,
        AUTO_APPROVED,
        DENIED,
        CANCELLED,
        EXPIRED,
        CODE_TAKEN
    }

    /** The text's first line only, for notices and e-mails. */
    public String firstLine() {
        return CodeRequest.firstLine(text);
    }
}
