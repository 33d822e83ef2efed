package dev.breakglass.password;

import java.time.OffsetDateTime;

/**
 * A one-time link for a member to choose their password, to hand over in person or by a trusted channel.
 * The token is a secret: it is never logged or stored, only its hash is.
 *
 * @param path the link relative to the application's root, {@code set-password/<token>}
 */
public record SetPasswordLink(String path, OffsetDateTime expiresAt) {

    @Override
    public String toString() {
        return "SetPasswordLink[path=set-password/…, expiresAt=" + expiresAt + "]";
    }
}
