package dev.breakglass.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.util.HtmlUtils;

/**
 * Single sign-on over HTTP with Spring Security's OAuth2 client: the authorization code flow with PKCE
 * ({@code /oauth2/authorization/WORKSPACE} starts it, {@code /login/oauth2/code/WORKSPACE} finishes it), the member
 * found by {@link SsoMembers}, back-channel logout ({@link SsoBackChannelLogout}), and the step-up: a signed-in
 * member starts the flow with {@code ?step-up=PATH}, the provider is asked to sign them in again ({@code
 * prompt=login}, {@code max_age=0}), and the ID token's {@code auth_time} must be after the request, or nothing is
 * confirmed. Failures go to the sign-in page as a sentence ({@code /login?sso=CODE}). Tokens are dropped once the
 * member is found; neither they nor the client secret are logged.
 */
@Component
class SsoLogin {

    private static final Logger log = LoggerFactory.getLogger(SsoLogin.class);

    static final String STEP_UP_PARAMETER = "step-up";
    private static final String STEP_UP_SESSION = "breakglass.step-up.session";
    private static final String STEP_UP_MEMBER = "breakglass.step-up.member";
    private static final String STEP_UP_AT = "breakglass.step-up.at";
    private static final String STEP_UP_RETURN = "breakglass.step-up.return";
    /** How far the provider's clock may be behind ours when it says when the person signed in. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final SsoRegistrations registrations;
    private final SsoMembers members;
    private final SsoRepository repository;
    private final CurrentUser currentUser;
    private final SignedInSessions sessions;
    private final IdentityConfirmation identity;
    private final ApplicationEventPublisher events;
    private final SsoBackChannelLogout backChannelLogout;
    private final SsoAuthorizationRequests authorizationRequests = new SsoAuthorizationRequests();
    /** The provider's session ids ({@code sid}) of signed-in members, for a logout token that names only one. */
    private final Map<String, UUID> membersBySid = new ConcurrentHashMap<>();

    SsoLogin(
            SsoRegistrations registrations,
            SsoMembers members,
            SsoRepository repository,
            CurrentUser currentUser,
            SignedInSessions sessions,
            IdentityConfirmation identity,
            ApplicationEventPublisher events,
            SsoBackChannelLogout backChannelLogout) {
        this.registrations = registrations;
        this.members = members;
        this.repository = repository;
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.identity = identity;
        this.events = events;
        this.backChannelLogout = backChannelLogout;
    }

    void configure(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new NoAuthorizedClients())
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestRepository(authorizationRequests)
                        .authorizationRequestResolver(new Resolver()))
                .successHandler(success())
                .failureHandler(failure())
                .withObjectPostProcessor(new ObjectPostProcessor<Object>() {
                    @Override
                    public <O> O postProcess(O filter) {
                        if (filter instanceof OAuth2LoginAuthenticationFilter login) {
                            login.setAuthenticationResultConverter(SsoLogin.this::signIn);
                        } else if (filter instanceof OAuth2AuthorizationRequestRedirectFilter redirect) {
                            redirect.setAuthenticationFailureHandler(failure());
                        }
                        return filter;
                    }
                }));
        http.addFilterBefore(backChannelLogout.filter(membersBySid), CsrfFilter.class);
    }

    /** The provider answered: the member this is, or a refusal; for a step-up, the session that asked is confirmed. */
    private OAuth2AuthenticationToken signIn(OAuth2LoginAuthenticationToken result) {
        UUID workspaceId = UUID.fromString(result.getClientRegistration().getRegistrationId());
        SsoConfig config =
                registrations.configOf(workspaceId).orElseThrow(() -> new SsoRefusedException(SsoProblem.FAILED));
        OidcUser person = (OidcUser) result.getPrincipal();
        Map<String, Object> attributes =
                result.getAuthorizationExchange().getAuthorizationRequest().getAttributes();
        if (attributes.get(STEP_UP_SESSION) instanceof String sessionId) {
            confirmStepUp(config, person, attributes, sessionId);
            throw new SsoStepUpDone((String) attributes.get(STEP_UP_RETURN));
        }
        BreakglassUserDetails member;
        try {
            member = members.match(config, person);
        } catch (SsoRefusedException refused) {
            log.info("Single sign-on for workspace {} refused: {}", workspaceId, refused.problem());
            throw refused;
        }
        Object sid = person.getClaims().get("sid");
        if (sid instanceof String providerSession) {
            membersBySid.put(
                    workspaceId + " " + providerSession, member.signedInUser().userId());
        }
        OAuth2AuthenticationToken signedIn =
                new OAuth2AuthenticationToken(member, member.getAuthorities(), workspaceId.toString());
        signedIn.setDetails(result.getDetails());
        return signedIn;
    }

    private void confirmStepUp(SsoConfig config, OidcUser person, Map<String, Object> attributes, String sessionId) {
        Instant askedAt = (Instant) attributes.get(STEP_UP_AT);
        Instant signedInAt = person.getAuthenticatedAt();
        if (signedInAt == null || signedInAt.isBefore(askedAt.minus(CLOCK_SKEW))) {
            throw new SsoRefusedException(SsoProblem.NOT_FRESH);
        }
        UUID memberId = (UUID) attributes.get(STEP_UP_MEMBER);
        Optional<UUID> linked =
                repository.linkedMember(config.workspaceId(), SsoMembers.issuerOf(config, person), person.getSubject());
        if (linked.isEmpty() || !linked.get().equals(memberId)) {
            // Someone else signed in at the provider: that confirms nothing about this session's member.
            throw new SsoRefusedException(SsoProblem.NOT_A_MEMBER);
        }
        BreakglassUserDetails details = sessions.find(sessionId)
                .map(SsoLogin::detailsOf)
                .filter(found -> found.signedInUser().userId().equals(memberId) && !found.ended())
                .orElseThrow(() -> new SsoRefusedException(SsoProblem.FAILED));
        identity.confirmedWithSso(details);
        SignedInUser user = details.signedInUser();
        events.publishEvent(new SignInSecurityChanged(
                user.workspaceId(), user.userId(), user.userId(), SignInSecurityAction.SSO_IDENTITY_CONFIRMED, 0, ""));
    }

    private static BreakglassUserDetails detailsOf(HttpSession session) {
        try {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            return context instanceof SecurityContext security
                            && security.getAuthentication() != null
                            && security.getAuthentication().getPrincipal() instanceof BreakglassUserDetails details
                    ? details
                    : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    /** Signed in: on to the app, through a page of the app itself (see {@link #bounce}). */
    private AuthenticationSuccessHandler success() {
        return (request, response, authentication) -> bounce(request, response, "/");
    }

    private AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            if (exception instanceof SsoStepUpDone done) {
                bounce(request, response, done.returnPath());
                return;
            }
            SsoProblem problem = problemOf(exception);
            if (problem != SsoProblem.NOT_A_MEMBER
                    && problem != SsoProblem.EMAIL_NOT_VERIFIED
                    && problem != SsoProblem.DOMAIN_NOT_ALLOWED) {
                log.warn("Single sign-on failed: {} ({})", problem, errorCodeOf(exception));
            }
            response.sendRedirect(request.getContextPath() + "/login?sso=" + problem.code());
        };
    }

    static SsoProblem problemOf(AuthenticationException exception) {
        if (exception instanceof SsoRefusedException refused) {
            return refused.problem();
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SsoProviderUnreachableException
                    || cause instanceof IOException
                    || cause instanceof org.springframework.web.client.ResourceAccessException) {
                return SsoProblem.UNREACHABLE;
            }
            if (cause instanceof SsoRefusedException refused) {
                return refused.problem();
            }
            if (cause instanceof OAuth2AuthorizationException refused
                    && "invalid_client".equals(refused.getError().getErrorCode())) {
                return SsoProblem.WRONG_SECRET;
            }
            if (cause instanceof HttpClientErrorException.Unauthorized) {
                return SsoProblem.WRONG_SECRET;
            }
        }
        if (exception instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            String description = String.valueOf(oauth.getError().getDescription());
            if ("invalid_client".equals(code)
                    || description.contains("invalid_client")
                    || description.contains(": 401 ")) {
                return SsoProblem.WRONG_SECRET;
            }
        }
        return SsoProblem.FAILED;
    }

    private static String errorCodeOf(AuthenticationException exception) {
        return exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode()
                : exception.getClass().getSimpleName();
    }

    /**
     * Answers with a small page that opens the target. The provider sent the browser here from another site, so it
     * does not yet send Breakglass's SameSite=Strict session cookie; a navigation that starts on Breakglass's own
     * page does.
     */
    static void bounce(HttpServletRequest request, HttpServletResponse response, String path) {
        String target = request.getContextPath() + safePath(path);
        String escaped = HtmlUtils.htmlEscape(target);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try {
            response.getOutputStream()
                    .write(("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                    + "<meta http-equiv=\"refresh\" content=\"0;url=" + escaped + "\">"
                                    + "<title>Signing in · Breakglass</title></head><body>"
                                    + "<p>Signing you in… <a id=\"continue\" href=\"" + escaped + "\">Continue</a></p>"
                                    + "</body></html>")
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A path of this app only, never another site's address. */
    static String safePath(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            return "/";
        }
        return path;
    }

    /** Breakglass does not call the provider's APIs: tokens are not kept after the sign-in. */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
                String clientRegistrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient authorizedClient,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String clientRegistrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }

    /**
     * PKCE always (S256, also for a confidential client); for a step-up of a signed-in member, a fresh sign-in at the
     * provider, remembered with the session that asked for it.
     */
    private final class Resolver implements OAuth2AuthorizationRequestResolver {

        private final DefaultOAuth2AuthorizationRequestResolver plain = resolver(builder -> {});
        private final DefaultOAuth2AuthorizationRequestResolver fresh =
                resolver(builder -> builder.additionalParameters(parameters -> {
                    parameters.put("prompt", "login");
                    parameters.put("max_age", "0");
                }));

        private DefaultOAuth2AuthorizationRequestResolver resolver(Consumer<OAuth2AuthorizationRequest.Builder> more) {
            DefaultOAuth2AuthorizationRequestResolver resolver =
                    new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
            resolver.setAuthorizationRequestCustomizer(
                    OAuth2AuthorizationRequestCustomizers.withPkce().andThen(more));
            return resolver;
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
            return stepUp(request, null);
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
            return stepUp(request, clientRegistrationId);
        }

        private OAuth2AuthorizationRequest stepUp(HttpServletRequest request, String registrationId) {
            String returnPath = request.getParameter(STEP_UP_PARAMETER);
            Optional<SignedInUser> user = returnPath == null ? Optional.empty() : currentUser.find();
            HttpSession session = request.getSession(false);
            if (user.isEmpty() || session == null) {
                return registrationId == null ? plain.resolve(request) : plain.resolve(request, registrationId);
            }
            OAuth2AuthorizationRequest resolved =
                    registrationId == null ? fresh.resolve(request) : fresh.resolve(request, registrationId);
            if (resolved == null) {
                return null;
            }
            if (!resolved.getAttributes()
                    .get("registration_id")
                    .equals(user.get().workspaceId().toString())) {
                // Another workspace's provider confirms nothing about this member.
                throw new SsoRefusedException(SsoProblem.NOT_A_MEMBER);
            }
            return OAuth2AuthorizationRequest.from(resolved)
                    .attributes(attributes -> {
                        attributes.put(STEP_UP_SESSION, session.getId());
                        attributes.put(STEP_UP_MEMBER, user.get().userId());
                        attributes.put(STEP_UP_AT, Instant.now());
                        attributes.put(STEP_UP_RETURN, safePath(returnPath));
                    })
                    .build();
        }
    }
}
