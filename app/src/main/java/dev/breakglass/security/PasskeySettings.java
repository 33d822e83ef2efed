package dev.breakglass.security;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who the relying party is, for passkeys: its id (a host name that the browser's address must end with; never an IP
 * address) and the origins a passkey ceremony may come from. Both follow {@code breakglass.public-url} unless set;
 * without it, {@code localhost} on the server's port.
 */
@Component
class PasskeySettings {

    static final String RP_NAME = "Breakglass";

    private static final Logger log = LoggerFactory.getLogger(PasskeySettings.class);

    private final String rpId;
    private final Set<String> allowedOrigins;

    PasskeySettings(
            @Value("${breakglass.passkeys.rp-id:}") String rpId,
            @Value("${breakglass.passkeys.allowed-origins:}") String allowedOrigins,
            @Value("${breakglass.public-url:}") String publicUrl,
            @Value("${server.port:8080}") int port) {
        URI base = URI.create(publicUrl.isBlank() ? "http://localhost:" + (port > 0 ? port : 8080) : publicUrl.strip());
        this.rpId = rpId.isBlank() ? String.valueOf(base.getHost()) : rpId.strip();
        Set<String> origins = new LinkedHashSet<>();
        Arrays.stream(allowedOrigins.split(","))
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> LoginOriginCheck.origin(URI.create(origin)))
                .forEach(origins::add);
        if (origins.isEmpty()) {
            origins.add(LoginOriginCheck.origin(base));
        }
        this.allowedOrigins = Set.copyOf(origins);
        if (this.rpId.matches("[0-9.]+|.*:.*")) {
            log.warn(
                    "Passkeys need a host name, not an IP address: set breakglass.public-url (or"
                            + " breakglass.passkeys.rp-id) to the name members open Breakglass at; now it is {}",
                    this.rpId);
        }
    }

    String rpId() {
        return rpId;
    }

    Set<String> allowedOrigins() {
        return allowedOrigins;
    }
}
