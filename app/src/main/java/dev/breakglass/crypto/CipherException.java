package dev.breakglass.crypto;

/**
 * Encryption or decryption failed. The message is written for the person in front of the screen and never
 * contains a code or a secret.
 */
public class CipherException extends RuntimeException {

    public CipherException(String message) {
        super(message);
    }

    public CipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
