package dev.breakglass.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door to single sign-on: the providers the sign-in page offers, the step-up with the provider, and the Single
 * sign-on page of the workspace Owner (nobody else may read or change it; a refusal looks like "not found"). The
 * client secret is stored encrypted with the cipher and never read back to the page.
 */
@Service
public class SingleSignOn {

    private final SsoRegistrations registrations;
    private final SsoRepository repository;
    private final AccessPolicy access;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final SsoPolicy policy;

    SingleSignOn(
            SsoRegistrations registrations,
            SsoRepository repository,
            AccessPolicy access,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            SsoPolicy policy) {
        this.policy = policy;
        this.registrations = registrations;
        this.repository = repository;
        this.access = access;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** A "Sign in with NAME" button of the sign-in page: its name and the address it opens (relative). */
    public record Provider(UUID workspaceId, String name, String path) {}

    /** Every provider, for the sign-in page (anybody may see which providers there are). */
    public List<Provider> providers() {
        return registrations.all().stream()
                .map(config -> new Provider(
                        config.workspaceId(), config.displayName(), "oauth2/authorization/" + config.workspaceId()))
                .toList();
    }

    /**
     * The signed-in member's provider, to confirm their identity by signing in there again; empty when their
     * workspace has none. The path returns to {@code returnPath} afterwards.
     */
    public Optional<Provider> stepUp(String returnPath) {
        return currentUser
                .find()
                .flatMap(user -> registrations.configOf(user.workspaceId()))
                .map(config -> new Provider(
                        config.workspaceId(),
                        config.displayName(),
                        "oauth2/authorization/" + config.workspaceId() + "?" + SsoLogin.STEP_UP_PARAMETER + "="
                                + java.net.URLEncoder.encode(
                                        SsoLogin.safePath(returnPath), java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Whether the signed-in member may confirm with their password or passkey (not when SSO is the only way in). */
    public boolean passwordRefused() {
        return currentUser.find().map(policy::passwordRefused).orElse(false);
    }

    /** The workspace's single sign-on, for its Owner. */
    public SsoSettings settings(String requestBaseUrl) {
        SignedInUser owner = requireOwner();
        Optional<SsoConfig> config = registrations.configOf(owner.workspaceId());
        String redirect = registrations.publicAddress("/login/oauth2/code/" + owner.workspaceId(), requestBaseUrl);
        String logout = registrations.publicAddress(SsoBackChannelLogout.PATH + owner.workspaceId(), requestBaseUrl);
        return config.map(found -> new SsoSettings(
                        true,
                        found.displayName(),
                        found.issuer(),
                        found.clientId(),
                        found.secretCiphertext() != null,
                        registrations.secretInSettings(),
                        found.allowedDomains(),
                        found.justInTime(),
                        found.ssoOnly(),
                        found.breakGlassAdminId(),
                        found.fromServerSettings(),
                        redirect,
                        logout,
                        registrations.lacksBreakGlassAdmin(found)))
                .orElseGet(() -> new SsoSettings(
                        false,
                        "",
                        "",
                        "",
                        false,
                        registrations.secretInSettings(),
                        List.of(),
                        false,
                        false,
                        null,
                        false,
                        redirect,
                        logout,
                        false));
    }

    /** The active members, to choose the break-glass admin from; for the Owner. */
    public List<SsoMember> members() {
        return repository.activeMembers(requireOwner().workspaceId());
    }

    /**
     * Saves the workspace's provider. Nothing is saved when something is missing or wrong.
     *
     * @throws InvalidSsoSettingsException with a sentence saying what to change
     */
    @Transactional
    public void save(SsoChange change) {
        SignedInUser owner = requireOwner();
        UUID workspaceId = owner.workspaceId();
        Optional<SsoConfig> current = registrations.configOf(workspaceId);
        if (current.isPresent() && current.get().fromServerSettings()) {
            throw new InvalidSsoSettingsException(
                    "The server's settings (breakglass.sso.*) set this workspace's single sign-on; change them there.");
        }
        String name = strip(change.displayName());
        String issuer = strip(change.issuer());
        String clientId = strip(change.clientId());
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidSsoSettingsException(
                    "Enter the provider's name for the sign-in button (at most 100 characters).");
        }
        if (!validIssuer(issuer)) {
            throw new InvalidSsoSettingsException(
                    "Enter the issuer URL, such as https://login.example.com; plain http only for localhost.");
        }
        if (clientId.isEmpty() || clientId.length() > 255) {
            throw new InvalidSsoSettingsException("Enter the client id Breakglass has at the provider.");
        }
        List<String> domains = SsoConfig.parseDomains(change.allowedDomains());
        if (domains.stream().anyMatch(domain -> !domain.matches("[a-z0-9.-]+\\.[a-z0-9-]+"))) {
            throw new InvalidSsoSettingsException(
                    "Enter e-mail domains separated by commas, such as example.com, example.org.");
        }
        if (change.justInTime() && domains.isEmpty()) {
            throw new InvalidSsoSettingsException(
                    "Just-in-time membership needs the allowed e-mail domains: list at least one.");
        }
        UUID admin = change.breakGlassAdminId();
        if (admin != null
                && repository.activeMembers(workspaceId).stream()
                        .noneMatch(member -> member.userId().equals(admin))) {
            throw new InvalidSsoSettingsException("Choose the break-glass admin among the active members.");
        }
        if (change.ssoOnly() && admin == null) {
            throw new InvalidSsoSettingsException("Name a break-glass admin whose password still works when single "
                    + "sign-on is the only way in, so a broken provider never locks the workspace out.");
        }
        UUID secretId = current.map(SsoConfig::secretId).orElse(null);
        String ciphertext = current.map(SsoConfig::secretCiphertext).orElse(null);
        String newSecret =
                change.newClientSecret() == null ? "" : change.newClientSecret().strip();
        if (!newSecret.isEmpty()) {
            secretId = UUID.randomUUID();
            ciphertext = registrations.encrypt(workspaceId, secretId, newSecret);
        } else if (change.forgetClientSecret()) {
            secretId = null;
            ciphertext = null;
        }
        if (ciphertext == null && !registrations.secretInSettings()) {
            throw new InvalidSsoSettingsException("Enter the client secret: the server's settings hold none.");
        }
        repository.save(new SsoConfig(
                workspaceId,
                name,
                issuer,
                clientId,
                secretId,
                ciphertext,
                domains,
                change.justInTime(),
                change.ssoOnly(),
                admin,
                false));
        registrations.forgetDiscovery();
        events.publishEvent(new SignInSecurityChanged(
                workspaceId,
                owner.userId(),
                owner.userId(),
                SignInSecurityAction.SSO_SETTINGS_CHANGED,
                0,
                change.ssoOnly() ? "sso-only" : ""));
    }

    /** Turns single sign-on off for the workspace: everyone signs in with their password again. */
    @Transactional
    public void remove() {
        SignedInUser owner = requireOwner();
        if (repository.delete(owner.workspaceId())) {
            events.publishEvent(new SignInSecurityChanged(
                    owner.workspaceId(),
                    owner.userId(),
                    owner.userId(),
                    SignInSecurityAction.SSO_SETTINGS_REMOVED,
                    0,
                    ""));
        }
    }

    private SignedInUser requireOwner() {
        MemberGrant grant = access.requireMember();
        if (grant.role() != WorkspaceRole.OWNER) {
            throw new NotFoundException("The single sign-on settings");
        }
        return grant.user();
    }

    private static boolean validIssuer(String issuer) {
        if (issuer.length() > 500) {
            return false;
        }
        try {
            java.net.URI uri = java.net.URI.create(issuer);
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return false;
            }
            return "https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme())
                            && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
