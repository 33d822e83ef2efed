package dev.breakglass.security;

import java.util.UUID;

/**
 * What the Owner saves on the Single sign-on page.
 *
 * @param displayName the provider's name on the sign-in button ("Sign in with NAME")
 * @param newClientSecret a new client secret to store encrypted; null or empty keeps the stored one
 * @param forgetClientSecret whether to drop the stored secret and use the server's setting instead
 * @param allowedDomains e-mail domains, comma-separated
 * @param breakGlassAdminId the member whose password still works when SSO is the only way in
 */
public record SsoChange(
        String displayName,
        String issuer,
        String clientId,
        String newClientSecret,
        boolean forgetClientSecret,
        String allowedDomains,
        boolean justInTime,
        boolean ssoOnly,
        UUID breakGlassAdminId) {

    /** Leaves out the secret. */
    @Override
    public String toString() {
        return "SsoChange[issuer=" + issuer + ", clientId=" + clientId + "]";
    }
}
