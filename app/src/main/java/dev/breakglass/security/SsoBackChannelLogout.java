package dev.breakglass.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OpenID Connect Back-Channel Logout 1.0: the provider posts a signed logout token to
 * {@code /logout/connect/back-channel/WORKSPACE} when a person signs out there or leaves (is deactivated there), and
 * their Breakglass sessions end at once. The token must be signed with a key of the issuer's JWK set, be issued by the
 * workspace's issuer for Breakglass's client id, carry the back-channel logout event and no nonce, and name the person
 * ({@code sub}) or the provider session ({@code sid}) they signed in with.
 */
@Component
class SsoBackChannelLogout {

    private static final Logger log = LoggerFactory.getLogger(SsoBackChannelLogout.class);

    static final String PATH = "/logout/connect/back-channel/";
    private static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final SsoRegistrations registrations;
    private final SsoRepository repository;
    private final SignedInSessions sessions;
    private final ApplicationEventPublisher events;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    SsoBackChannelLogout(
            SsoRegistrations registrations,
            SsoRepository repository,
            SignedInSessions sessions,
            ApplicationEventPublisher events) {
        this.registrations = registrations;
        this.repository = repository;
        this.sessions = sessions;
        this.events = events;
    }

    OncePerRequestFilter filter(Map<String, UUID> membersBySid) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI()
                        .substring(request.getContextPath().length());
                if (!"POST".equals(request.getMethod()) || !path.startsWith(PATH)) {
                    chain.doFilter(request, response);
                    return;
                }
                response.setHeader("Cache-Control", "no-store");
                response.setContentType("application/json");
                if (logOut(path.substring(PATH.length()), request.getParameter("logout_token"), membersBySid)) {
                    response.setStatus(HttpServletResponse.SC_OK);
                } else {
                    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                    response.getWriter().write("{\"error\":\"invalid_request\"}");
                }
            }
        };
    }

    /** Ends the sessions the logout token names; false when the token is not acceptable. */
    boolean logOut(String registrationId, String logoutToken, Map<String, UUID> membersBySid) {
        UUID workspaceId;
        try {
            workspaceId = UUID.fromString(registrationId);
        } catch (IllegalArgumentException notAWorkspace) {
            return false;
        }
        Optional<SsoConfig> config = registrations.configOf(workspaceId);
        if (config.isEmpty() || logoutToken == null || logoutToken.isBlank()) {
            return false;
        }
        Jwt token;
        try {
            ClientRegistration registration = registrations.registration(config.get());
            token = decoder(registration).decode(logoutToken);
        } catch (JwtException | SsoProviderUnreachableException refused) {
            log.info("Back-channel logout for workspace {} refused: {}", workspaceId, refused.getMessage());
            return false;
        }
        String issuer = token.getIssuer() == null
                ? config.get().issuer()
                : token.getIssuer().toString();
        Optional<UUID> member = token.getSubject() == null
                ? Optional.empty()
                : repository.linkedMember(workspaceId, issuer, token.getSubject());
        String sid = token.getClaimAsString("sid");
        if (member.isEmpty() && sid != null) {
            member = Optional.ofNullable(membersBySid.remove(workspaceId + " " + sid));
        }
        member.ifPresent(userId -> {
            int ended = sessions.endAllOf(userId);
            events.publishEvent(new SignInSecurityChanged(
                    workspaceId, null, userId, SignInSecurityAction.SSO_LOGGED_OUT_BY_PROVIDER, ended, ""));
        });
        // Unknown people are acknowledged too: the provider learns nothing about who is a member.
        return true;
    }

    private JwtDecoder decoder(ClientRegistration registration) {
        String jwkSetUri = registration.getProviderDetails().getJwkSetUri();
        String clientId = registration.getClientId();
        String issuer = registration.getProviderDetails().getIssuerUri();
        return decoders.computeIfAbsent(jwkSetUri + " " + clientId + " " + issuer, key -> {
            // Logout tokens are typed "logout+jwt" (plain "JWT" and none are accepted too, as the spec allows).
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                    .jwtProcessorCustomizer(
                            processor -> processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                                    new JOSEObjectType("logout+jwt"), JOSEObjectType.JWT, null)))
                    .build();
            OAuth2TokenValidator<Jwt> logoutToken = jwt -> {
                List<String> problems = new java.util.ArrayList<>();
                if (jwt.getAudience() == null || !jwt.getAudience().contains(clientId)) {
                    problems.add("aud");
                }
                if (jwt.getIssuedAt() == null) {
                    problems.add("iat");
                }
                if (!(jwt.getClaims().get("events") instanceof Map<?, ?> events) || !events.containsKey(EVENT)) {
                    problems.add("events");
                }
                if (jwt.hasClaim("nonce")) {
                    problems.add("nonce");
                }
                if (jwt.getSubject() == null && !jwt.hasClaim("sid")) {
                    problems.add("sub/sid");
                }
                return problems.isEmpty()
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(
                                new OAuth2Error("invalid_request", "Not a logout token: " + problems, null));
            };
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    issuer == null ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer),
                    logoutToken));
            return decoder;
        });
    }
}
