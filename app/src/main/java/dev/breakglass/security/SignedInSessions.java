package dev.breakglass.security;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.session.HttpSessionCreatedEvent;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.session.HttpSessionIdChangedEvent;
import org.springframework.stereotype.Component;

/**
 * Ends a member's sessions at once, for example when they are deactivated. Spring Security's
 * {@link SessionRegistry} knows which sessions belong to whom; this class keeps the sessions themselves, so
 * that they can be invalidated right away (Vaadin's UI goes with them) rather than on their next request.
 */
@Component
public class SignedInSessions {

    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    private final SessionRegistry registry;
    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

    SignedInSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(HttpSessionCreatedEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    /** Signing in changes the session's id (against session fixation); the session itself stays. */
    @EventListener
    void on(HttpSessionIdChangedEvent event) {
        HttpSession session = sessions.remove(event.getOldSessionId());
        if (session != null) {
            sessions.put(event.getNewSessionId(), session);
        }
    }

    @EventListener
    void on(HttpSessionDestroyedEvent event) {
        sessions.remove(event.getId());
    }

    /** A session this node holds, by its id, such as the one that asked for a step-up with single sign-on. */
    Optional<HttpSession> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** Ends every session of this person; returns how many were ended. */
    public int endAllOf(UUID userId) {
        return endOthersOf(userId, null);
    }

    /**
     * Ends every session of this person except one, such as the session in which they just changed their
     * password; returns how many were ended.
     *
     * @param keepSessionId the session to leave alone; null ends them all
     */
    public int endOthersOf(UUID userId, String keepSessionId) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof BreakglassUserDetails details
                    && details.signedInUser().userId().equals(userId)) {
                for (SessionInformation information : registry.getAllSessions(principal, true)) {
                    if (information.getSessionId().equals(keepSessionId)) {
                        continue;
                    }
                    information.expireNow();
                    HttpSession session = sessions.remove(information.getSessionId());
                    // Expired stays recorded until the session is destroyed, so the session filter turns it away
                    // even if this node does not hold it.
                    if (session != null) {
                        invalidate(session);
                    }
                    ended++;
                }
            }
        }
        if (ended > 0) {
            log.info("Ended {} session(s) of member {}", ended, userId);
        }
        return ended;
    }

    /** Ends one session, such as the one in which identity confirmations failed too often. */
    public void end(HttpSession session) {
        SessionInformation information = registry.getSessionInformation(session.getId());
        if (information != null) {
            information.expireNow();
        }
        sessions.remove(session.getId());
        invalidate(session);
        log.info("Ended session on request");
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // Ended on its own in the meantime: nothing left to do.
        }
    }
}
