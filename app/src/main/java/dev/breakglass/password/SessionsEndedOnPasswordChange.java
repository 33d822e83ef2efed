package dev.breakglass.password;

import dev.breakglass.database.ClusterMessages;
import dev.breakglass.security.SignedInSessions;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A new password ends the member's sessions on every instance, not only on the one where it was set: each instance
 * holds only its own sessions, so the change is announced to all in its transaction (the payload is the member's id
 * and the announcing instance's, never a session id). The announcing instance ends its own sessions itself once the
 * password is saved, keeping the one in which the member changed it.
 */
@Component
class SessionsEndedOnPasswordChange {

    static final String CHANNEL = "breakglass_password_changed";

    private final ClusterMessages cluster;
    private final String thisInstance = UUID.randomUUID().toString();

    SessionsEndedOnPasswordChange(ClusterMessages cluster, SignedInSessions sessions) {
        this.cluster = cluster;
        cluster.subscribe(CHANNEL, payload -> {
            String[] parts = payload.split(" ", 2);
            if (parts.length == 2 && !parts[1].equals(thisInstance)) {
                sessions.endAllOf(UUID.fromString(parts[0]));
            }
        });
    }

    /** Tells the other instances, when the caller's transaction commits, to end the member's sessions. */
    void announce(UUID userId) {
        cluster.publish(CHANNEL, userId + " " + thisInstance);
    }
}
