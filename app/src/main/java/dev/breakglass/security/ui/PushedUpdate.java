package dev.breakglass.security.ui;

import com.vaadin.flow.component.UI;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Runs a server-pushed update of an open page as the member whose page it is. A push runs outside any request, so
 * the member's security context is taken from their session for the services to check, and put back after; with no
 * member anywhere (signed out meanwhile) nothing runs.
 */
public final class PushedUpdate {

    private PushedUpdate() {}

    /** Runs {@code update} in the UI's lock, as its signed-in member, when the UI is still there. */
    public static void run(UI ui, Runnable update) {
        ui.access(() -> asSignedInMember(ui, update));
    }

    private static void asSignedInMember(UI ui, Runnable action) {
        SecurityContext outside = SecurityContextHolder.getContext();
        Object stored = ui.getSession() == null || ui.getSession().getSession() == null
                ? null
                : ui.getSession()
                        .getSession()
                        .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (stored instanceof SecurityContext member && member.getAuthentication() != null) {
            SecurityContextHolder.setContext(member);
        } else if (outside.getAuthentication() == null) {
            return; // signed out meanwhile: nobody to update the page for
        }
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(outside);
        }
    }
}
