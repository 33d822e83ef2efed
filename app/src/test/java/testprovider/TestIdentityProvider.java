package testprovider;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A real OpenID provider for tests: Spring Authorization Server in its own small web application context on a random
 * port of 127.0.0.1 (another site than the app's localhost, as a real provider is). One confidential client that must
 * use PKCE; people whose e-mail address, {@code email_verified} and {@code sub} the test controls; {@code prompt=login}
 * and {@code max_age=0} make a signed-in person sign in again, and the ID token's {@code auth_time} says when they
 * last did. It keeps the tokens it issued, so a test can look for them in the log, and signs logout tokens with its
 * own key.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "breakglass-test";
    public static final String PASSWORD = "provider-password";

    /** A person at the provider; change {@code email} or {@code verified} between sign-ins. */
    public static final class Person {
        public final String username;
        public final String subject;
        public volatile String email;
        public volatile boolean verified;
        public volatile Instant signedInAt;

        Person(String username, String subject, String email, boolean verified) {
            this.username = username;
            this.subject = subject;
            this.email = email;
            this.verified = verified;
        }
    }

    private static final Map<String, Person> PEOPLE = new ConcurrentHashMap<>();
    private static final Set<String> REDIRECT_URIS = ConcurrentHashMap.newKeySet();
    private static final List<String> ISSUED_TOKENS = new CopyOnWriteArrayList<>();
    private static volatile String clientSecret = "secret-" + UUID.randomUUID();
    private static final RSAKey KEY = newKey();

    private static TestIdentityProvider shared;
    private static volatile boolean ignoresPromptLogin;

    private final AnnotationConfigServletWebServerApplicationContext context;

    /** One provider for every test of the JVM, started on first use. */
    public static synchronized TestIdentityProvider shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Whether the provider ignores {@code prompt=login} and {@code max_age=0}, as a careless provider would. */
    public void ignorePromptLogin(boolean ignore) {
        ignoresPromptLogin = ignore;
    }

    private TestIdentityProvider(AnnotationConfigServletWebServerApplicationContext context) {
        this.context = context;
    }

    public static TestIdentityProvider start() {
        AnnotationConfigServletWebServerApplicationContext context =
                new AnnotationConfigServletWebServerApplicationContext();
        context.register(Provider.class);
        context.refresh();
        return new TestIdentityProvider(context);
    }

    public String issuer() {
        return "http://127.0.0.1:" + context.getWebServer().getPort();
    }

    public String clientSecret() {
        return clientSecret;
    }

    public Person add(String email, boolean verified) {
        Person person = new Person("user-" + UUID.randomUUID(), "sub-" + UUID.randomUUID(), email, verified);
        PEOPLE.put(person.username, person);
        return person;
    }

    public void allowRedirect(String uri) {
        REDIRECT_URIS.add(uri);
    }

    public List<String> issuedTokens() {
        return List.copyOf(ISSUED_TOKENS);
    }

    /** A logout token (Back-Channel Logout 1.0) for the person, signed with the provider's own key. */
    public String logoutToken(String subject) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(CLIENT_ID)
                .issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 120_000))
                .jwtID(UUID.randomUUID().toString())
                .subject(subject)
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(KEY.getKeyID())
                        .type(new JOSEObjectType("logout+jwt"))
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    /** The same kind of token signed with a key the provider never published. */
    public static String forgedLogoutToken(String issuer, String subject) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(CLIENT_ID)
                .issueTime(new Date())
                .subject(subject)
                .claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(newKey()));
        return jwt.serialize();
    }

    @Override
    public void close() {
        context.close();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class Provider {

        @Bean
        TomcatServletWebServerFactory webServer() {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            try {
                factory.setAddress(java.net.InetAddress.getByName("127.0.0.1"));
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
            factory.getSession().getCookie().setName("PROVIDER_SESSION");
            // Filters run only for a request some servlet takes: the provider is all filters.
            factory.setRegisterDefaultServlet(true);
            return factory;
        }

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                    .addFilterBefore(
                            new FreshSignIn(),
                            org.springframework.security.web.context.SecurityContextHolderFilter.class);
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(form -> form.successHandler((request, response, authentication) -> {
                        Person person = PEOPLE.get(authentication.getName());
                        if (person != null) {
                            person.signedInAt = Instant.now();
                        }
                        request.getSession().setAttribute(FreshSignIn.FRESH, Boolean.TRUE);
                        saved.onAuthenticationSuccess(request, response, authentication);
                    }));
            return http.build();
        }

        @Bean
        UserDetailsService people() {
            return username -> {
                Person person = PEOPLE.get(username);
                if (person == null) {
                    throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
                }
                return User.withUsername(username)
                        .password("{noop}" + PASSWORD)
                        .roles("USER")
                        .build();
            };
        }

        @Bean
        RegisteredClientRepository clients() {
            return new RegisteredClientRepository() {
                @Override
                public void save(RegisteredClient registeredClient) {}

                @Override
                public RegisteredClient findById(String id) {
                    return client();
                }

                @Override
                public RegisteredClient findByClientId(String clientId) {
                    return CLIENT_ID.equals(clientId) ? client() : null;
                }
            };
        }

        private static RegisteredClient client() {
            return RegisteredClient.withId("breakglass")
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + clientSecret)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUris(uris ->
                            uris.addAll(REDIRECT_URIS.isEmpty() ? Set.of("http://localhost/none") : REDIRECT_URIS))
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.EMAIL)
                    .scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder()
                            .requireProofKey(true)
                            .requireAuthorizationConsent(false)
                            .build())
                    .build();
        }

        @Bean
        OAuth2AuthorizationService authorizations() {
            InMemoryOAuth2AuthorizationService kept = new InMemoryOAuth2AuthorizationService();
            return new OAuth2AuthorizationService() {
                @Override
                public void save(OAuth2Authorization authorization) {
                    kept.save(authorization);
                    remember(authorization.getAccessToken());
                    remember(authorization.getRefreshToken());
                    remember(authorization.getToken(org.springframework.security.oauth2.core.oidc.OidcIdToken.class));
                    remember(authorization.getToken(
                            org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode.class));
                }

                @Override
                public void remove(OAuth2Authorization authorization) {
                    kept.remove(authorization);
                }

                @Override
                public OAuth2Authorization findById(String id) {
                    return kept.findById(id);
                }

                @Override
                public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
                    return kept.findByToken(token, tokenType);
                }
            };
        }

        private static void remember(OAuth2Authorization.Token<?> token) {
            if (token != null) {
                ISSUED_TOKENS.add(token.getToken().getTokenValue());
            }
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims() {
            return context -> {
                if (!"id_token".equals(context.getTokenType().getValue())) {
                    return;
                }
                Person person = PEOPLE.get(context.getPrincipal().getName());
                if (person == null) {
                    return;
                }
                context.getClaims().subject(person.subject);
                context.getClaims().claim("email", person.email);
                context.getClaims().claim("email_verified", person.verified);
                context.getClaims().claim("name", "Person " + person.email);
                if (person.signedInAt != null) {
                    context.getClaims().claim("auth_time", person.signedInAt.getEpochSecond());
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() {
            return new ImmutableJWKSet<>(new JWKSet(KEY));
        }

        /** Checks the access tokens that come to the userinfo endpoint. */
        @Bean
        org.springframework.security.oauth2.jwt.JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
            return org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration
                    .OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }

    /**
     * {@code prompt=login} or {@code max_age=0}: a person already signed in here signs in again first (Spring
     * Authorization Server leaves that to the application).
     */
    static final class FreshSignIn extends OncePerRequestFilter {

        static final String FRESH = "test-provider.fresh-sign-in";

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean asksFresh = !ignoresPromptLogin
                    && request.getRequestURI().endsWith("/oauth2/authorize")
                    && ("login".equals(request.getParameter("prompt")) || "0".equals(request.getParameter("max_age")));
            HttpSession session = request.getSession(false);
            if (asksFresh && session != null) {
                if (session.getAttribute(FRESH) != null) {
                    session.removeAttribute(FRESH);
                } else if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                        != null) {
                    session.invalidate();
                    new HttpSessionRequestCache().saveRequest(request, response);
                    response.sendRedirect("/login");
                    return;
                }
            }
            if (!asksFresh && session != null) {
                session.removeAttribute(FRESH);
            }
            chain.doFilter(request, response);
        }
    }
}
