package dev.breakglass.security;

/**
 * A change would take away the break-glass admin of a workspace where single sign-on is the only way in: the one
 * member whose password still works when the identity provider fails. The message says what to do instead.
 */
public class BreakGlassAdminNeededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BreakGlassAdminNeededException(String message) {
        super(message);
    }
}
