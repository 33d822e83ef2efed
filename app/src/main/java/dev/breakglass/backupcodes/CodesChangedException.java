package dev.breakglass.backupcodes;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Someone else replaced or deleted the codes after this user opened them: nothing was changed. */
public class CodesChangedException extends RuntimeException {

    private final UUID currentSetId;

    CodesChangedException(String changedBy, OffsetDateTime changedAt, UUID currentSetId) {
        super((changedBy == null ? "Another Owner" : changedBy) + " changed these codes a moment ago"
                + (changedAt == null ? "" : " (" + changedAt.toLocalTime().withNano(0) + " UTC)")
                + ". Nothing was changed; your text is still here. Check the codes now saved before you replace them.");
        this.currentSetId = currentSetId;
    }

    private CodesChangedException(String message, UUID currentSetId) {
        super(message);
        this.currentSetId = currentSetId;
    }

    /** The codes a user was shown (to view, or just handed out) were replaced or deleted before they acted on one. */
    static CodesChangedException sinceShown(String changedBy, OffsetDateTime changedAt, UUID currentSetId) {
        return new CodesChangedException(
                (changedBy == null ? "Another Owner" : changedBy) + " changed these codes a moment ago"
                        + (changedAt == null
                                ? ""
                                : " (" + changedAt.toLocalTime().withNano(0) + " UTC)")
                        + ". Nothing was marked and no code was handed out: the codes you were shown are no longer the saved ones. "
                        + "Open the codes again.",
                currentSetId);
    }

    /** The set that is active now, or null when the account has none. */
    public UUID currentSetId() {
        return currentSetId;
    }
}
