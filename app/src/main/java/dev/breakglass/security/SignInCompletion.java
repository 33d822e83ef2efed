package dev.breakglass.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Moves a session between sign-in stages. Spring Security has no second step of its own: after the password the
 * session holds an authentication with one authority that names its stage and no role, so routes with a role refuse
 * it and {@link CurrentUser} has no user for it; once the code is right (or a factor is set up), the session gets
 * the member's roles.
 */
@Component
class SignInCompletion {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    /** The authentication a password sign-in leads to at this stage. */
    static Authentication atStage(BreakglassUserDetails member, SignInStage stage, Object details) {
        UsernamePasswordAuthenticationToken token = stage == SignInStage.SIGNED_IN
                ? UsernamePasswordAuthenticationToken.authenticated(member, null, member.getAuthorities())
                : UsernamePasswordAuthenticationToken.authenticated(
                        member, null, List.of(new SimpleGrantedAuthority(stage.authority())));
        token.setDetails(details);
        return token;
    }

    /** The second step is done: this session's member is signed in with their roles. */
    void complete(BreakglassUserDetails member) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                atStage(member, SignInStage.SIGNED_IN, current == null ? null : current.getDetails()));
        SecurityContextHolder.setContext(context);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            // A new session id for the now signed-in session, as Spring Security gives one after the password.
            if (request.getHttpServletRequest().getSession(false) != null) {
                request.getHttpServletRequest().changeSessionId();
            }
            sessions.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
        }
    }

    /** The HTTP session of the current request, if any. */
    static HttpSession currentSession() {
        HttpServletRequest request = currentRequest();
        return request == null ? null : request.getSession(false);
    }

    /** The client's address as the server saw it, for the audit log; "unknown" outside a request. */
    static String clientAddress() {
        HttpServletRequest request = currentRequest();
        return request == null ? "unknown" : request.getRemoteAddr();
    }

    private static HttpServletRequest currentRequest() {
        VaadinServletRequest vaadin = VaadinServletRequest.getCurrent();
        return vaadin != null
                ? vaadin.getHttpServletRequest()
                : RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                        ? attributes.getRequest()
                        : null;
    }
}
