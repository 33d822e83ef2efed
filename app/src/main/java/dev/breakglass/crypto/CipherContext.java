package dev.breakglass.crypto;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What a ciphertext is bound to: a ciphertext made for one account and set does not decrypt for another.
 */
public record CipherContext(UUID accountId, UUID setId) {

    byte[] associatedData() {
        return ("breakglass:account=" + accountId + ":set=" + setId).getBytes(StandardCharsets.UTF_8);
    }
}
