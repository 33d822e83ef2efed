package dev.breakglass.workspace;

import dev.breakglass.database.ClusterMessages;
import dev.breakglass.security.SignedInSessions;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Ends a member's sessions on this instance when any instance deactivates, removes or demotes them: each instance
 * holds only its own sessions, so the change is announced to all (the payload is the member's id).
 */
@Component
class SessionsEndedEverywhere {

    static final String CHANNEL = "breakglass_end_sessions";

    SessionsEndedEverywhere(ClusterMessages cluster, SignedInSessions sessions) {
        cluster.subscribe(CHANNEL, userId -> sessions.endAllOf(UUID.fromString(userId)));
    }
}
