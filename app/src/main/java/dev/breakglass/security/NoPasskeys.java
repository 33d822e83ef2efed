package dev.breakglass.security;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** Until the passkeys feature is part of the app, nobody has a passkey. */
@Component
class NoPasskeys implements PasskeyPresence {

    @Override
    public boolean hasPasskey(UUID userId) {
        return false;
    }
}
