package dev.breakglass.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Spring Security's view of a member: the password hash is dropped once the login has been checked. It is also the
 * principal of a single sign-on ({@link OAuth2User}, without the provider's claims: Breakglass keeps none).
 */
final class BreakglassUserDetails implements UserDetails, CredentialsContainer, OAuth2User {

    private final SignedInUser user;
    private final boolean enabled;
    private final boolean installationOperator;
    private String passwordHash;
    // One sign-in, one session: what the session confirmed lives here. Signing in is not a confirmation.
    private volatile Instant identityConfirmedAt;
    private final AtomicInteger failedConfirmations = new AtomicInteger();
    private volatile boolean ended;

    /** @param installationOperator whether they administer what every workspace shares ({@link InstallationOperators}) */
    BreakglassUserDetails(SignedInUser user, String passwordHash, boolean enabled, boolean installationOperator) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.installationOperator = installationOperator;
    }

    /** When this session last confirmed who it is with a step-up; null when it never did. */
    Instant identityConfirmedAt() {
        return identityConfirmedAt;
    }

    void identityConfirmed(Instant at) {
        identityConfirmedAt = at;
        failedConfirmations.set(0);
    }

    /** Counts a failed confirmation; returns how many failed in a row. */
    int confirmationFailed() {
        return failedConfirmations.incrementAndGet();
    }

    /** The session was ended (after failed confirmations): nothing may be done with it any more. */
    void end() {
        ended = true;
        identityConfirmedAt = null;
    }

    boolean ended() {
        return ended;
    }

    SignedInUser signedInUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
        Capability.of(user.role(), installationOperator)
                .forEach(capability -> authorities.add(new SimpleGrantedAuthority("ROLE_" + capability)));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.email();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The e-mail address, as {@link #getUsername()}. */
    @Override
    public String getName() {
        return user.email();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    /** The same person in the same workspace, so that the session registry files their sessions together. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BreakglassUserDetails that
                && that.user.userId().equals(user.userId())
                && that.user.workspaceId().equals(user.workspaceId());
    }

    @Override
    public int hashCode() {
        return user.userId().hashCode();
    }
}
