package dev.breakglass.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on set by the server's settings ({@code breakglass.sso.*}), for an installation with one workspace: when
 * {@code issuer} is set, the workspace named by {@code workspace} (or, unnamed, the oldest) signs in with this
 * provider and its Owner sees the settings on the Single sign-on page without changing them. The client secret is a
 * setting too (best from the environment, {@code BREAKGLASS_SSO_CLIENT_SECRET}); it is also the secret of a provider
 * set on the page without a secret of its own.
 *
 * @param name the provider's name on the sign-in button: "Sign in with NAME"
 * @param issuer the provider's issuer URL; its {@code .well-known/openid-configuration} tells the rest
 * @param clientId the client id Breakglass has at the provider
 * @param clientSecret the client secret; never logged, never stored in the database
 * @param allowedDomains e-mail domains that may sign in, comma-separated; empty: any domain
 * @param justInTime whether a person of an allowed domain who is not a member becomes one (role User)
 * @param ssoOnly whether single sign-on is the only way in, for everyone but the break-glass admin
 * @param breakGlassAdmin the e-mail address of the member whose password still works when SSO is the only way in
 * @param workspace the name of the workspace these settings are for; empty: the oldest workspace
 * @param timeout how long a call to the provider (discovery, token, keys) may take
 */
@ConfigurationProperties("breakglass.sso")
public record SsoServerSettings(
        @DefaultValue("") String name,
        @DefaultValue("") String issuer,
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("") String allowedDomains,
        @DefaultValue("false") boolean justInTime,
        @DefaultValue("false") boolean ssoOnly,
        @DefaultValue("") String breakGlassAdmin,
        @DefaultValue("") String workspace,
        @DefaultValue("10s") Duration timeout) {

    @ConstructorBinding
    public SsoServerSettings {
        name = name == null || name.isBlank() ? "single sign-on" : name.strip();
        issuer = issuer == null ? "" : issuer.strip();
        clientId = clientId == null ? "" : clientId.strip();
        clientSecret = clientSecret == null ? "" : clientSecret;
        allowedDomains = allowedDomains == null ? "" : allowedDomains;
        breakGlassAdmin = breakGlassAdmin == null ? "" : breakGlassAdmin.strip();
        workspace = workspace == null ? "" : workspace.strip();
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            timeout = Duration.ofSeconds(10);
        }
    }

    /** Whether the settings configure a provider at all. */
    boolean configured() {
        return !issuer.isEmpty() && !clientId.isEmpty();
    }

    /** The secret never shows in a printed record. */
    @Override
    public String toString() {
        return "SsoServerSettings[name=" + name + ", issuer=" + issuer + ", clientId=" + clientId + "]";
    }
}
