package dev.breakglass.security;

import org.springframework.security.core.AuthenticationException;

/**
 * Not a failure: the provider confirmed a signed-in member again (a step-up), which signs nobody in anew. Spring's
 * login filter knows only sign-ins and failures, so the step-up leaves it this way, with the page to return to.
 */
class SsoStepUpDone extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final String returnPath;

    SsoStepUpDone(String returnPath) {
        super("Identity confirmed with the identity provider");
        this.returnPath = returnPath;
    }

    String returnPath() {
        return returnPath;
    }
}
