package dev.breakglass.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests that arrive on the actuator's own port, when {@code management.server.port} gives it one. That port is
 * for the monitoring network only (docs/vault.md: bind it to an internal address, keep it off the load balancer),
 * so a scraper reads the metrics there without a session; on the application's port they need a sign-in.
 */
final class ManagementPortRequests implements RequestMatcher {

    private final Environment environment;

    ManagementPortRequests(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (ManagementPortType.get(environment) != ManagementPortType.DIFFERENT) {
            return false;
        }
        Integer port = environment.getProperty("local.management.port", Integer.class);
        return port != null && port > 0 && request.getLocalPort() == port;
    }
}
