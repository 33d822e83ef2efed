package dev.breakglass.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in form posted from another site (login CSRF: signing a victim into the attacker's account, so
 * that what they save lands there). Vaadin's login form posts without Spring's CSRF token, so the check is what the
 * browser says about where the form came from: {@code Sec-Fetch-Site} must be {@code same-origin} (or {@code none},
 * typed by the user); a browser too old to send it is judged by {@code Origin}, which must then be this server's own
 * address (as the request reached it) or {@code breakglass.public-url}. (Breakglass's pages send no referrer, so a
 * browser sends {@code Origin: null} even for its own form: that says nothing either way.) A request with neither
 * header is not from a browser and goes through.
 */
class LoginOriginCheck extends OncePerRequestFilter {

    private final Optional<String> publicOrigin;

    LoginOriginCheck(Optional<String> publicOrigin) {
        this.publicOrigin = publicOrigin;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<LoginOriginCheck> loginOriginCheck(
                @Value("${breakglass.public-url:}") String publicUrl) {
            FilterRegistrationBean<LoginOriginCheck> registration = new FilterRegistrationBean<>(new LoginOriginCheck(
                    publicUrl.isBlank() ? Optional.empty() : Optional.of(origin(URI.create(publicUrl)))));
            registration.addUrlPatterns("/login");
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1); // before Spring Security reads the form
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && !fromThisSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .write("Sign-in from another site is refused. Open Breakglass itself and sign in there.");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean fromThisSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return "same-origin".equals(site) || "none".equals(site);
        }
        String origin = request.getHeader("Origin");
        return origin == null || "null".equals(origin) || sameOrigin(origin, request);
    }

    private boolean sameOrigin(String origin, HttpServletRequest request) {
        String normalised;
        try {
            normalised = origin(URI.create(origin.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        String own = origin(URI.create(request.getRequestURL().toString()));
        return normalised.equals(own) || publicOrigin.filter(normalised::equals).isPresent();
    }

    /** scheme://host[:port], lower case, without the port when it is the scheme's default. */
    static String origin(URI uri) {
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        String host = String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }
}
