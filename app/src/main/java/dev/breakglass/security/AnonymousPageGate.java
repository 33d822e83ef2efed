package dev.breakglass.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A page anyone may open only while it is open, such as the first-run page with its setup token. Closed, the
 * address answers as one that never existed: someone not signed in is sent to the sign-in page, a member sees
 * "not found". Other features implement it; the web security asks every gate about every request.
 */
public interface AnonymousPageGate {

    /** Whether this request is for a page of this gate that is closed now. */
    boolean closes(HttpServletRequest request);
}
