package dev.breakglass.security;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the server's settings make single sign-on the only way in without a break-glass admin who can
 * still sign in: {@code breakglass.sso.break-glass-admin} empty, or naming nobody of the settings' workspace. Runs
 * once the application is ready (after the demo data), so the workspace is there if it exists at all; on a fresh
 * database it is not yet, and the check only warns (the settings then warn again once the workspace exists).
 */
@Component
class SsoSettingsCheck {

    private static final Logger log = LoggerFactory.getLogger(SsoSettingsCheck.class);

    private final SsoServerSettings settings;
    private final SsoRepository repository;

    SsoSettingsCheck(SsoServerSettings settings, SsoRepository repository) {
        this.settings = settings;
        this.repository = repository;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        check();
    }

    /**
     * @throws BreakGlassAdminMissingException when single sign-on would be the only way in with no password left
     */
    void check() {
        if (!settings.configured() || !settings.ssoOnly()) {
            return;
        }
        if (settings.breakGlassAdmin().isEmpty()) {
            throw new BreakGlassAdminMissingException("breakglass.sso.sso-only is true, but "
                    + "breakglass.sso.break-glass-admin is empty: nobody could sign in with a password if the identity "
                    + "provider fails.");
        }
        Optional<UUID> workspace = repository.workspaceForSettings(settings.workspace());
        if (workspace.isEmpty()) {
            log.warn(
                    "breakglass.sso.sso-only is true, but {} does not exist yet, so the break-glass "
                            + "admin {} could not be checked; until they are a member of it, passwords keep working.",
                    describedWorkspace(),
                    settings.breakGlassAdmin());
            return;
        }
        if (repository
                .activeMemberByEmail(workspace.get(), settings.breakGlassAdmin())
                .isEmpty()) {
            throw new BreakGlassAdminMissingException("breakglass.sso.break-glass-admin is "
                    + settings.breakGlassAdmin() + ", but no active member of " + describedWorkspace()
                    + " has that e-mail address, so single sign-on cannot be the only way in.");
        }
    }

    private String describedWorkspace() {
        return settings.workspace().isEmpty()
                ? "the oldest workspace (breakglass.sso.workspace is empty)"
                : "the workspace \"" + settings.workspace() + "\"";
    }

    /** The settings make single sign-on the only way in without a break-glass admin; the message says why. */
    static final class BreakGlassAdminMissingException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        BreakGlassAdminMissingException(String message) {
            super(message);
        }
    }
}
