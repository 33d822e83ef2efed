package dev.breakglass.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.WebAuthnConfigurer;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * Spring Security's passkey endpoints, set up for Breakglass: {@code POST /webauthn/register/options},
 * {@code POST /webauthn/register}, {@code POST /webauthn/authenticate/options} and {@code POST /login/webauthn}, all
 * behind the CSRF check. Spring's sign-in filter would sign in a bare WebAuthn user; {@link #adopt} gives it
 * {@link PasskeyAuthenticationProvider} instead and the session handling of the password sign-in (a new session id,
 * the session registry, a new CSRF token).
 */
@Component
class PasskeySignIn {

    private final PasskeySettings settings;
    private final PasskeyAuthenticationProvider provider;

    PasskeySignIn(
            PasskeySettings settings,
            WebAuthnRelyingPartyOperations relyingParty,
            PasskeyRepository passkeys,
            MemberDetailsService members,
            ApplicationEventPublisher events) {
        this.settings = settings;
        this.provider = new PasskeyAuthenticationProvider(relyingParty, passkeys, members, events);
    }

    void configure(WebAuthnConfigurer<HttpSecurity> passkeys) {
        passkeys.rpId(settings.rpId())
                .rpName(PasskeySettings.RP_NAME)
                .allowedOrigins(settings.allowedOrigins())
                .disableDefaultRegistrationPage(true);
    }

    /** Gives the built chain's passkey sign-in filter Breakglass's provider and session handling. */
    void adopt(DefaultSecurityFilterChain chain, HttpSecurity http) {
        WebAuthnAuthenticationFilter filter = chain.getFilters().stream()
                .filter(WebAuthnAuthenticationFilter.class::isInstance)
                .map(WebAuthnAuthenticationFilter.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The passkey sign-in filter is missing"));
        filter.setAuthenticationManager(new ProviderManager(provider));
        SessionAuthenticationStrategy sessions = http.getSharedObject(SessionAuthenticationStrategy.class);
        if (sessions != null) {
            filter.setSessionAuthenticationStrategy(sessions);
        }
        SecurityContextRepository contexts = http.getSharedObject(SecurityContextRepository.class);
        if (contexts != null) {
            filter.setSecurityContextRepository(contexts);
        }
    }
}
