/**
 * Encryption of backup codes: the {@link dev.breakglass.crypto.CodeCipher} port, its Vault transit and local
 * keyring implementations, and their key versions ({@link dev.breakglass.crypto.EncryptionKeys}).
 * Plaintext codes pass through here and nowhere is a plaintext written down.
 */
package dev.breakglass.crypto;
