package dev.breakglass.crypto;

import java.util.List;

/**
 * Encrypts and decrypts the codes of one code set. Each code gets a ciphertext of its own, prefixed with
 * the cipher and key version that made it ({@code local:v1:...}, {@code vault:v3:...}).
 */
public interface CodeCipher {

    /** Encrypts every code of a set, in order, in one go. */
    List<String> encryptAll(CipherContext context, List<String> plaintexts);

    /** Decrypts ciphertexts made for the same context, in order. */
    List<String> decryptAll(CipherContext context, List<String> ciphertexts);

    /** Moves ciphertexts to the newest key version; the plaintext does not leave the cipher. */
    List<String> rewrapAll(CipherContext context, List<String> ciphertexts);
}
