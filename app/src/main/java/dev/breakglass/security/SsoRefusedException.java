package dev.breakglass.security;

import org.springframework.security.core.AuthenticationException;

/** A single sign-on that signs nobody in, and the sentence the sign-in page shows for it. */
class SsoRefusedException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final SsoProblem problem;

    SsoRefusedException(SsoProblem problem) {
        super(problem.name());
        this.problem = problem;
    }

    SsoProblem problem() {
        return problem;
    }
}
