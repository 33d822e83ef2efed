package dev.breakglass.security;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import dev.breakglass.security.ui.LoginView;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Form login through the Vaadin login view with throttled attempts, a registry of signed-in sessions so
 * that deactivating a member ends their sessions, and method security so that services check permissions
 * even when a view forgets to.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                    + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
                    + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Passkeys are the only browser feature the pages use. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "publickey-credentials-get=(self), publickey-credentials-create=(self)";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            SessionRegistry sessionRegistry,
            ObjectProvider<AnonymousPageGate> gates,
            Environment environment,
            PasskeySignIn passkeys,
            SsoLogin sso)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                        "/styles/**", "/icons/**", "/scripts/**", "/actuator/health", "/actuator/health/*")
                .permitAll()
                .requestMatchers(new ManagementPortRequests(environment))
                .permitAll()
                .requestMatchers(request -> gates.orderedStream().anyMatch(gate -> gate.closes(request)))
                .authenticated());
        // Vaadin's client needs inline styles and scripts and evaluates the server's JavaScript calls ('unsafe-eval');
        // everything else comes from this server only, and nothing may frame the pages. HSTS is sent on requests that
        // arrived over TLS (also through a proxy trusted to say so: server.forward-headers-strategy).
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        // Unlimited sessions per member, but registered, so that they can be ended when the member is deactivated.
        http.sessionManagement(sessions ->
                sessions.maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login"));
        http.webAuthn(passkeys::configure);
        sso.configure(http);
        DefaultSecurityFilterChain chain =
                http.with(vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
        passkeys.adopt(chain, http);
        return chain;
    }

    /** Argon2id for new hashes; BCrypt hashes still verify, so an imported user base keeps working. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    @Bean
    AuthenticationProvider authenticationProvider(
            MemberDetailsService members,
            PasswordEncoder passwordEncoder,
            LoginThrottle throttle,
            ApplicationEventPublisher events,
            Clock clock,
            SecondFactorCheck factors,
            @Value("${breakglass.login.failure-floor:400ms}") Duration failureFloor) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(members);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, members, throttle, events, clock, factors, failureFloor);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells Spring (and so the session registry and {@link SignedInSessions}) when a session starts and ends. */
    @Bean
    ServletListenerRegistrationBean<HttpSessionEventPublisher> httpSessionEventPublisher() {
        return new ServletListenerRegistrationBean<>(new HttpSessionEventPublisher());
    }
}
