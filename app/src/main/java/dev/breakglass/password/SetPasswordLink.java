package dev.breakglass.password;

import java.time.OffsetDateTime;

/**
 * A one-time link for a member to choose their password, to hand over in person or by a trusted channel.
 * The token is a secret: it is never logged or stored, only its hash is.
 *
 * @param path the link relative to the application's root, {@code set-password/<token>}
 */
public record SetPasswordLink(String path, OffsetDateTime expiresAt) {

    static final String PREFIX = "set-password/";

    /** The secret part of the link, for the code that uses it right away (the first-run page). */
    public String token() {
        return path.substring(PREFIX.length());
    }

    @Override
    public String toString() {
        return "SetPasswordLink[path=set-password/…, expiresAt=" + expiresAt + "]";
    }
}
