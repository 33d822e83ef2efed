package dev.breakglass.security;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;

/**
 * A fresh WebAuthn challenge for one member to confirm their identity with a passkey. The page keeps it while the
 * browser asks the authenticator and hands it back with the answer; it can be answered once.
 */
public final class PasskeyChallenge {

    private final UUID userId;
    private final PublicKeyCredentialRequestOptions options;
    private final String json;
    private final AtomicBoolean answered = new AtomicBoolean();

    PasskeyChallenge(UUID userId, PublicKeyCredentialRequestOptions options, String json) {
        this.userId = userId;
        this.options = options;
        this.json = json;
    }

    /** The request options as the browser's script expects them (no secret: a random challenge and key ids). */
    public String json() {
        return json;
    }

    UUID userId() {
        return userId;
    }

    PublicKeyCredentialRequestOptions options() {
        return options;
    }

    /** Whether this call is the first answer to the challenge. */
    boolean answer() {
        return answered.compareAndSet(false, true);
    }
}
