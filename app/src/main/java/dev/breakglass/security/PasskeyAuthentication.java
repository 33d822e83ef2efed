package dev.breakglass.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A session signed in with a passkey: the same member as after a password sign-in ({@link CurrentUser} reads it the
 * same way). The authenticator verified the person (PIN or biometrics) as well as the device, so the sign-in counts
 * as both factors; no authenticator-app code is asked after it.
 */
final class PasskeyAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final BreakglassUserDetails member;

    PasskeyAuthentication(BreakglassUserDetails member) {
        super(member.getAuthorities());
        this.member = member;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public BreakglassUserDetails getPrincipal() {
        return member;
    }
}
