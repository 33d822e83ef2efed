package dev.breakglass.crypto;

/**
 * Which cipher encrypts new codes, for the UI and the operator.
 *
 * @param name a short name such as "Local keyring" or "Vault transit"
 * @param productionReady false for the local keyring, which the UI flags as not for production
 */
public record CipherStatus(String name, boolean productionReady) {}
