package dev.breakglass.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request or UI session. */
@Component
public class CurrentUser {

    public Optional<SignedInUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof BreakglassUserDetails details) {
            return Optional.of(details.signedInUser());
        }
        return Optional.empty();
    }

    /** The signed-in user; an anonymous caller is refused. */
    public SignedInUser require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Please sign in."));
    }
}
