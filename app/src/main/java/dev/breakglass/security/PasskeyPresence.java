package dev.breakglass.security;

import java.util.UUID;

/** Whether a member has registered a passkey; the passkeys feature answers. */
public interface PasskeyPresence {

    boolean hasPasskey(UUID userId);
}
