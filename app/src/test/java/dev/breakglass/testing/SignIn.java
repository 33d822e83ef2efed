package dev.breakglass.testing;

import dev.breakglass.security.TestStepUp;
import java.time.Clock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Signs a member in for service-level tests, the way a successful login would. */
@Component
public class SignIn {

    private final UserDetailsService users;
    private final Clock clock;

    SignIn(UserDetailsService users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public Authentication as(String email) {
        UserDetails user = users.loadUserByUsername(email);
        Authentication authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        return authentication;
    }

    /**
     * Signs in and counts as a fresh step-up (Confirm it is you) at once: for tests about what comes after it.
     * Signing in alone is no step-up; tests of the step-up itself use {@link #as} and the dialog or the service.
     */
    public Authentication asConfirmed(String email) {
        Authentication authentication = as(email);
        TestStepUp.confirmed(authentication, clock.instant());
        return authentication;
    }

    public void out() {
        SecurityContextHolder.clearContext();
    }

    /** A password sign-in attempt as the login form sends it, from the given client address. */
    public static UsernamePasswordAuthenticationToken attempt(String email, String password, String address) {
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }
}
