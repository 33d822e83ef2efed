package dev.breakglass.security;

import java.util.List;
import java.util.UUID;

/**
 * A workspace's single sign-on as its Owner sees it on the Single sign-on page; never the client secret itself.
 *
 * @param configured whether the workspace signs in with a provider at all
 * @param secretStored whether a client secret is stored (encrypted) for the workspace
 * @param secretInSettings whether the server's settings hold a client secret (used when none is stored)
 * @param fromServerSettings whether {@code breakglass.sso.*} set the provider, so the page cannot change it
 * @param redirectUri the address to register at the provider as the redirect URI
 * @param backChannelLogoutUri the address to register at the provider for back-channel logout
 * @param breakGlassAdminMissing whether the server's settings make single sign-on the only way in but their
 *     break-glass admin is no member, so that passwords still work
 */
public record SsoSettings(
        boolean configured,
        String displayName,
        String issuer,
        String clientId,
        boolean secretStored,
        boolean secretInSettings,
        List<String> allowedDomains,
        boolean justInTime,
        boolean ssoOnly,
        UUID breakGlassAdminId,
        boolean fromServerSettings,
        String redirectUri,
        String backChannelLogoutUri,
        boolean breakGlassAdminMissing) {}
