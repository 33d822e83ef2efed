package dev.breakglass.crypto;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Vault is and which transit key Breakglass uses. Vault mode is on when {@code address} is set.
 * Credentials are not settings: they come from the environment only ({@code VAULT_TOKEN}, or
 * {@code VAULT_ROLE_ID} and {@code VAULT_SECRET_ID}).
 *
 * @param address {@code breakglass.vault.address}, defaults to {@code VAULT_ADDR}; blank means local keyring
 * @param namespace Vault Enterprise namespace, defaults to {@code VAULT_NAMESPACE}
 * @param mount where the transit engine is mounted
 * @param key the name of the transit key
 * @param createKey whether Breakglass creates the key when it is missing
 * @param timeout how long one call to Vault may take; the wait for an answer is rounded up to whole seconds
 * @param caFile PEM file with the CA certificate(s) that signed Vault's TLS certificate, defaults to
 *        {@code VAULT_CACERT}; blank means the JDK's trust store
 * @param approlePath where the AppRole auth method is mounted
 */
@ConfigurationProperties("breakglass.vault")
public record VaultSettings(
        @DefaultValue("") String address,
        @DefaultValue("") String namespace,
        @DefaultValue("transit") String mount,
        @DefaultValue("breakglass") String key,
        @DefaultValue("false") boolean createKey,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("") String caFile,
        @DefaultValue("approle") String approlePath) {

    public VaultSettings {
        address = address == null ? "" : address.strip();
        while (address.endsWith("/")) {
            address = address.substring(0, address.length() - 1);
        }
        mount = trimSlashes(mount);
        approlePath = trimSlashes(approlePath);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            timeout = Duration.ofSeconds(5);
        }
    }

    /** Whether Vault is configured at all. */
    public boolean enabled() {
        return !address.isEmpty();
    }

    Path caFilePath() {
        return caFile == null || caFile.isBlank() ? null : Path.of(caFile.strip());
    }

    private static String trimSlashes(String path) {
        String trimmed = path == null ? "" : path.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
