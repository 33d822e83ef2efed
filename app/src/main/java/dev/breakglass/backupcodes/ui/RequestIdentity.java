package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.server.VaadinService;
import dev.breakglass.backupcodes.CodeRequestService;
import dev.breakglass.security.IdentityConfirmation;
import dev.breakglass.security.IdentityConfirmationRequiredException;
import dev.breakglass.security.ui.ConfirmIdentityDialog;

/**
 * The one place where break-glass requests ask who is there: an answer or taking the approved code runs at once
 * when the member confirmed who they are recently, else after they confirm it again.
 */
final class RequestIdentity {

    private RequestIdentity() {}

    static void confirmThen(CodeRequestService service, Runnable action) {
        try {
            action.run();
        } catch (IdentityConfirmationRequiredException e) {
            IdentityConfirmation identity =
                    VaadinService.getCurrent().getInstantiator().getOrCreate(IdentityConfirmation.class);
            new ConfirmIdentityDialog(identity, action).open();
        }
    }
}
