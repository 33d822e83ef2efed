/**
 * The encryption admin page: how stored codes are encrypted, key rotation and rewrap. A module of its own
 * because it sits on top of backup codes, the ciphers and the main layout, and nothing depends on it.
 */
package dev.breakglass.encryption;
