package dev.breakglass.notifications;

import dev.breakglass.backupcodes.CodeRequestChanged;
import dev.breakglass.backupcodes.CodeRequestChanged.Change;
import java.util.Optional;

/** The words of the bell's notices and the e-mails about break-glass requests. Never a code. */
final class RequestNotices {

    private RequestNotices() {}

    /** What the requester hears, if anything. */
    static Optional<String> forRequester(CodeRequestChanged event, String actor, String account) {
        String note = note(event);
        return Optional.ofNullable(
                switch (event.change()) {
                    case APPROVAL_ADDED ->
                        actor + " approved your request for a code of " + account
                                + "; a second Owner must approve it too." + note;
                    case APPROVED ->
                        actor + " approved your request for a code of " + account
                                + ". Take it with Use approved code before the approval runs out." + note;
                    case AUTO_APPROVED ->
                        "Your request for a code of " + account
                                + " was approved automatically: no Owner answered within the waiting period."
                                + " Take it with Use approved code before the approval runs out.";
                    case DENIED -> actor + " denied your request for a code of " + account + "." + note;
                    case EXPIRED -> "Your approval for a code of " + account + " ran out before the code was taken.";
                    case REQUESTED, CANCELLED, CODE_TAKEN -> null;
                });
    }

    /** What the account's Owners (but the one who acted) hear, if anything. */
    static Optional<String> forOwners(CodeRequestChanged event, String actor, String requester, String account) {
        return Optional.ofNullable(
                switch (event.change()) {
                    case REQUESTED ->
                        requester + " asks for a backup code of " + account + ": \"" + event.firstLine() + "\"";
                    case APPROVAL_ADDED ->
                        actor + " approved " + requester + "'s request for a code of " + account
                                + "; one more Owner's approval is needed.";
                    case APPROVED -> actor + " approved " + requester + "'s request for a code of " + account + ".";
                    case AUTO_APPROVED ->
                        requester + "'s request for a code of " + account
                                + " was approved automatically: no Owner answered within the waiting period.";
                    case DENIED -> actor + " denied " + requester + "'s request for a code of " + account + ".";
                    case CANCELLED -> requester + " cancelled their request for a code of " + account + ".";
                    case EXPIRED, CODE_TAKEN -> null; // the code handed out is told as a code used
                });
    }

    private static String note(CodeRequestChanged event) {
        return event.text() == null || event.change() == Change.REQUESTED ? "" : " Note: \"" + event.firstLine() + "\"";
    }
}
