package dev.breakglass.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user of the current request or UI session. A session whose sign-in is not complete (a code from
 * the authenticator app is still due, or a second factor must be set up first) has no current user: every
 * service refuses it.
 */
@Component
public class CurrentUser {

    public Optional<SignedInUser> find() {
        return details()
                .filter(details -> stageOf(authentication()) == SignInStage.SIGNED_IN && !details.ended())
                .map(BreakglassUserDetails::signedInUser);
    }

    /** The signed-in user; an anonymous caller, or one whose sign-in is not complete, is refused. */
    public SignedInUser require() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Please sign in."));
    }

    /** The member of this session whatever its sign-in stage, for the pages that complete a sign-in. */
    public Optional<SignedInUser> findSigningIn() {
        return details().filter(details -> !details.ended()).map(BreakglassUserDetails::signedInUser);
    }

    /** How far this session's sign-in has come; empty when nobody signed in. */
    public Optional<SignInStage> stage() {
        return findSigningIn().map(user -> stageOf(authentication()));
    }

    Optional<BreakglassUserDetails> details() {
        Authentication authentication = authentication();
        return authentication != null && authentication.getPrincipal() instanceof BreakglassUserDetails details
                ? Optional.of(details)
                : Optional.empty();
    }

    static SignInStage stageOf(Authentication authentication) {
        for (SignInStage stage : SignInStage.values()) {
            if (stage != SignInStage.SIGNED_IN
                    && authentication.getAuthorities().stream()
                            .anyMatch(granted -> stage.authority().equals(granted.getAuthority()))) {
                return stage;
            }
        }
        return SignInStage.SIGNED_IN;
    }

    private static Authentication authentication() {
        return SecurityContextHolder.getContext().getAuthentication();
    }
}
