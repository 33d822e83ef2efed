package dev.breakglass.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relying party behind Spring Security's passkey endpoints and the step-up check: Spring's JDBC repositories,
 * linked to the person, and webauthn4j. Every ceremony requires user verification (a PIN, a fingerprint, a face),
 * so that a passkey counts as both factors; new passkeys are discoverable, so signing in needs no e-mail address.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

    @Bean
    PasskeyUserEntities passkeyUserEntities(JdbcOperations jdbc, PasskeyRepository passkeys) {
        return new PasskeyUserEntities(new JdbcPublicKeyCredentialUserEntityRepository(jdbc), passkeys);
    }

    @Bean
    PasskeyCredentials passkeyCredentials(
            JdbcOperations jdbc,
            PasskeyRepository passkeys,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            ObjectProvider<PasskeyService> service) {
        return new PasskeyCredentials(
                new JdbcUserCredentialRepository(jdbc), passkeys, currentUser, events, transactions, service);
    }

    @Bean
    WebAuthnRelyingPartyOperations webAuthnRelyingParty(
            PasskeyUserEntities userEntities, PasskeyCredentials credentials, PasskeySettings settings) {
        Webauthn4JRelyingPartyOperations relyingParty = new Webauthn4JRelyingPartyOperations(
                userEntities,
                credentials,
                PublicKeyCredentialRpEntity.builder()
                        .id(settings.rpId())
                        .name(PasskeySettings.RP_NAME)
                        .build(),
                settings.allowedOrigins());
        relyingParty.setCustomizeCreationOptions(
                options -> options.authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED)
                        .build()));
        relyingParty.setCustomizeRequestOptions(
                options -> options.userVerification(UserVerificationRequirement.REQUIRED));
        return relyingParty;
    }
}
