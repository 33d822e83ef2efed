package dev.breakglass.security;

import org.springframework.stereotype.Component;

/**
 * Whether a workspace's single sign-on is the only way in for a member: then their password and passkeys are
 * refused, at sign-in and at a step-up. The break-glass admin keeps them, so a broken provider never locks the
 * workspace out.
 */
@Component
class SsoPolicy {

    private final SsoRegistrations registrations;

    SsoPolicy(SsoRegistrations registrations) {
        this.registrations = registrations;
    }

    boolean passwordRefused(SignedInUser user) {
        return registrations
                .configOf(user.workspaceId())
                .map(config -> config.ssoOnly() && !user.userId().equals(config.breakGlassAdminId()))
                .orElse(false);
    }
}
