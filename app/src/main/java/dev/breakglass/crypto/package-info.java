/**
 * Encryption of backup codes: the {@link dev.breakglass.crypto.CodeCipher} port and its implementations.
 * Plaintext codes pass through here and nowhere is a plaintext written down.
 */
package dev.breakglass.crypto;
