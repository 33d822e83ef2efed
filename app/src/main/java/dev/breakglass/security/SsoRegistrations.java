package dev.breakglass.security;

import dev.breakglass.crypto.CipherContext;
import dev.breakglass.crypto.CodeCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * The workspaces' providers as Spring Security's OAuth2 client sees them: one client registration per workspace,
 * its id the workspace's id. The endpoints come from the issuer's {@code .well-known/openid-configuration}
 * (discovery), kept for a few minutes; the client secret is decrypted when the registration is needed and is never
 * logged.
 */
@Component
class SsoRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(SsoRegistrations.class);

    private static final Duration DISCOVERY_KEPT_FOR = Duration.ofMinutes(5);

    private final SsoRepository repository;
    private final SsoServerSettings settings;
    private final CodeCipher cipher;
    private final Clock clock = Clock.systemUTC();
    private final String publicUrl;
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();
    private final AtomicBoolean warnedOfNoBreakGlassAdmin = new AtomicBoolean();

    SsoRegistrations(
            SsoRepository repository,
            SsoServerSettings settings,
            CodeCipher cipher,
            @Value("${breakglass.public-url:}") String publicUrl) {
        this.repository = repository;
        this.settings = settings;
        this.cipher = cipher;
        this.publicUrl = trimSlash(publicUrl.strip());
    }

    private record Discovered(ClientRegistration registration, Instant until) {}

    /** The provider of a workspace: the server's settings for their workspace, else what its Owner saved. */
    Optional<SsoConfig> configOf(UUID workspaceId) {
        Optional<SsoConfig> fromSettings = fromSettings();
        if (fromSettings.isPresent() && fromSettings.get().workspaceId().equals(workspaceId)) {
            return fromSettings;
        }
        return repository.find(workspaceId);
    }

    /** Every workspace's provider, for the sign-in page. */
    List<SsoConfig> all() {
        Optional<SsoConfig> fromSettings = fromSettings();
        List<SsoConfig> all = new ArrayList<>();
        fromSettings.ifPresent(all::add);
        repository.all().stream()
                .filter(config -> fromSettings
                        .map(server -> !server.workspaceId().equals(config.workspaceId()))
                        .orElse(true))
                .forEach(all::add);
        return all;
    }

    /** The provider the server's settings describe, for its workspace; empty when they describe none. */
    Optional<SsoConfig> fromSettings() {
        if (!settings.configured()) {
            return Optional.empty();
        }
        return repository.workspaceForSettings(settings.workspace()).map(workspaceId -> {
            UUID admin = settings.breakGlassAdmin().isEmpty()
                    ? null
                    : repository
                            .activeMemberByEmail(workspaceId, settings.breakGlassAdmin())
                            .orElse(null);
            if (settings.ssoOnly() && admin == null && !warnedOfNoBreakGlassAdmin.getAndSet(true)) {
                log.warn(
                        "SINGLE SIGN-ON IS NOT THE ONLY WAY IN: breakglass.sso.sso-only is true, but "
                                + "breakglass.sso.break-glass-admin ({}) is no active member of the workspace {}, so every "
                                + "member's password keeps working until a member has that address.",
                        settings.breakGlassAdmin(),
                        workspaceId);
            }
            return new SsoConfig(
                    workspaceId,
                    settings.name(),
                    settings.issuer(),
                    settings.clientId(),
                    null,
                    null,
                    SsoConfig.parseDomains(settings.allowedDomains()),
                    settings.justInTime(),
                    settings.ssoOnly() && admin != null,
                    admin,
                    true);
        });
    }

    /** Whether the server's settings make single sign-on the only way in, but name no member as break-glass admin. */
    boolean lacksBreakGlassAdmin(SsoConfig config) {
        return config.fromServerSettings() && settings.ssoOnly() && config.breakGlassAdminId() == null;
    }

    boolean secretInSettings() {
        return !settings.clientSecret().isEmpty();
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        UUID workspaceId;
        try {
            workspaceId = UUID.fromString(registrationId);
        } catch (IllegalArgumentException notAWorkspace) {
            return null;
        }
        return configOf(workspaceId).map(this::registration).orElse(null);
    }

    /**
     * The registration of one provider; discovery asks the issuer when nothing recent is known.
     *
     * @throws SsoProviderUnreachableException when the issuer does not answer with an OpenID configuration
     */
    ClientRegistration registration(SsoConfig config) {
        ClientRegistration endpoints = endpoints(config.issuer());
        return ClientRegistration.withClientRegistration(endpoints)
                .registrationId(config.workspaceId().toString())
                .clientId(config.clientId())
                .clientSecret(secretOf(config))
                .clientName(config.displayName())
                .scope("openid", "email", "profile")
                .redirectUri(redirectUriTemplate())
                .build();
    }

    /** The redirect URI, with {@code {baseUrl}} and {@code {registrationId}} for Spring to fill in. */
    String redirectUriTemplate() {
        return (publicUrl.isEmpty() ? "{baseUrl}" : publicUrl) + "/login/oauth2/code/{registrationId}";
    }

    /** An address of this server as a person should register it at the provider. */
    String publicAddress(String path, String requestBaseUrl) {
        return (publicUrl.isEmpty() ? trimSlash(requestBaseUrl) : publicUrl) + path;
    }

    private ClientRegistration endpoints(String issuer) {
        Discovered known = discovered.get(issuer);
        Instant now = clock.instant();
        if (known != null && known.until().isAfter(now)) {
            return known.registration();
        }
        ClientRegistration registration;
        try {
            registration = ClientRegistrations.fromIssuerLocation(issuer)
                    .registrationId("discovery")
                    .clientId("discovery")
                    .build();
        } catch (RuntimeException unreachable) {
            String why = String.valueOf(unreachable.getMessage());
            log.warn(
                    "Discovery of the identity provider at {} failed: {}",
                    issuer,
                    why.length() > 200 ? why.substring(0, 200) + "…" : why);
            throw new SsoProviderUnreachableException(issuer, unreachable);
        }
        discovered.put(issuer, new Discovered(registration, now.plus(DISCOVERY_KEPT_FOR)));
        return registration;
    }

    /** Forgets what discovery found, after the Owner changed the provider. */
    void forgetDiscovery() {
        discovered.clear();
    }

    private String secretOf(SsoConfig config) {
        if (config.secretCiphertext() != null) {
            return cipher.decryptAll(
                            CipherContext.forWorkspaceSso(config.workspaceId(), config.secretId()),
                            List.of(config.secretCiphertext()))
                    .get(0);
        }
        return settings.clientSecret();
    }

    /** Encrypts a client secret for a workspace under a new secret id. */
    String encrypt(UUID workspaceId, UUID secretId, String secret) {
        return cipher.encryptAll(CipherContext.forWorkspaceSso(workspaceId, secretId), List.of(secret))
                .get(0);
    }

    private static String trimSlash(String url) {
        String trimmed = url;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
