package dev.breakglass.crypto;

/** A cipher whose key has versions that can be rotated, and that can say which version is the newest. */
interface VersionedCipher extends CodeCipher {

    /** The name ciphertexts start with, such as {@code vault} or {@code local}. */
    String name();

    /** What the operator calls it, such as "Vault transit". */
    String label();

    /** The version new ciphertexts are made with. */
    int newestVersion();

    /** Adds a key version and answers it; older ciphertexts keep decrypting until they are rewrapped. */
    int rotate();
}
