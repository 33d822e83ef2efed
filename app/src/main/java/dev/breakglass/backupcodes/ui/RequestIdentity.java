package dev.breakglass.backupcodes.ui;

import dev.breakglass.backupcodes.CodeRequestService;
import dev.breakglass.security.IdentityConfirmationRequiredException;

/**
 * The one place where break-glass requests ask who is there: an answer or taking the approved code runs at once
 * when the member confirmed their password recently, else after they confirm it again.
 */
final class RequestIdentity {

    private RequestIdentity() {}

    static void confirmThen(CodeRequestService service, Runnable action) {
        try {
            action.run();
        } catch (IdentityConfirmationRequiredException e) {
            new ConfirmIdentityDialog(service::confirmIdentity, action).open();
        }
    }
}
