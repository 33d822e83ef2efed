package dev.breakglass.security;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Signs a member in with a passkey. Spring Security's relying party checks the signature (with user verification);
 * this provider then loads the passkey's owner exactly as a password sign-in does, refuses a disabled or deactivated
 * member, and answers with a {@link PasskeyAuthentication} whose principal is the usual {@link BreakglassUserDetails},
 * so that the rest of the app cannot tell the two sign-ins apart. Every passkey sign-in is audited.
 */
class PasskeyAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasskeyAuthenticationProvider.class);

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final PasskeyRepository passkeys;
    private final MemberDetailsService members;
    private final ApplicationEventPublisher events;

    PasskeyAuthenticationProvider(
            WebAuthnRelyingPartyOperations relyingParty,
            PasskeyRepository passkeys,
            MemberDetailsService members,
            ApplicationEventPublisher events) {
        this.relyingParty = relyingParty;
        this.passkeys = passkeys;
        this.members = members;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) attempt;
        PublicKeyCredentialUserEntity signer;
        try {
            signer = relyingParty.authenticate(request.getWebAuthnRequest());
        } catch (RuntimeException e) {
            log.info("A passkey sign-in was not accepted: {}", e.getClass().getSimpleName());
            throw new BadCredentialsException("The passkey was not accepted.", e);
        }
        UUID userId = signer == null
                ? null
                : passkeys.ownerOfUserEntity(signer.getId().toBase64UrlString()).orElse(null);
        String email = userId == null ? null : passkeys.emailOf(userId).orElse(null);
        if (email == null) {
            throw new BadCredentialsException("The passkey belongs to nobody here.");
        }
        UserDetails loaded;
        try {
            loaded = members.loadUserByUsername(email);
        } catch (UsernameNotFoundException e) {
            throw new BadCredentialsException("The passkey's owner is not an active member.", e);
        }
        if (!(loaded instanceof BreakglassUserDetails member) || !member.isEnabled()) {
            throw new DisabledException("The passkey's owner may not sign in.");
        }
        SignedInUser user = member.signedInUser();
        events.publishEvent(new SignedInWithPasskey(user.workspaceId(), user.userId(), clientAddress()));
        return new PasskeyAuthentication(member);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }

    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getRemoteAddr()
                : "unknown";
    }
}
