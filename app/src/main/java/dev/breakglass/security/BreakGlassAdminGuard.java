package dev.breakglass.security;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps the way in when the identity provider fails: while single sign-on is a workspace's only way in, its
 * break-glass admin cannot be deactivated or removed (the member services ask here, after their own permission
 * check). Choosing another break-glass admin, or letting passwords in again, comes first.
 */
@Component
public class BreakGlassAdminGuard {

    private final SsoRegistrations registrations;

    BreakGlassAdminGuard(SsoRegistrations registrations) {
        this.registrations = registrations;
    }

    /**
     * @throws BreakGlassAdminNeededException when the member is the break-glass admin of a workspace where single
     *     sign-on is the only way in
     */
    public void requireNotNeeded(UUID workspaceId, UUID userId) {
        registrations
                .configOf(workspaceId)
                .filter(config -> config.ssoOnly() && userId.equals(config.breakGlassAdminId()))
                .ifPresent(config -> {
                    throw new BreakGlassAdminNeededException(
                            "This member is the break-glass admin: while single sign-on is the only way in, theirs is "
                                    + "the one password that still works if the identity provider fails. "
                                    + (config.fromServerSettings()
                                            ? "Name another member in the server's breakglass.sso.break-glass-admin "
                                                    + "setting first."
                                            : "Choose another break-glass admin on the Single sign-on page first."));
                });
    }
}
