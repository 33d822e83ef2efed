package dev.breakglass.crypto;

/**
 * The cipher cannot work at all right now (Vault unreachable, sealed, too slow, or refusing Breakglass), as
 * opposed to one ciphertext being bad. Jobs stop on it and can be run again later.
 */
public class CipherUnavailableException extends CipherException {

    public CipherUnavailableException(String message) {
        super(message);
    }
}
