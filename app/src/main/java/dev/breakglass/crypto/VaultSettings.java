package dev.breakglass.crypto;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param allowPlainHttp whether an {@code http://} address other than loopback is accepted
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
        @DefaultValue("approle") String approlePath,
        @DefaultValue("false") boolean allowPlainHttp) {

    @ConstructorBinding
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

    /** Without {@code allow-plain-http}: plain HTTP only on loopback. */
    public VaultSettings(
            String address,
            String namespace,
            String mount,
            String key,
            boolean createKey,
            Duration timeout,
            String caFile,
            String approlePath) {
        this(address, namespace, mount, key, createKey, timeout, caFile, approlePath, false);
    }

    /**
     * Refuses an {@code http://} address that is not loopback unless {@code allow-plain-http} is set: tokens
     * and codes would cross the network unencrypted.
     */
    void requireSafeAddress() {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("breakglass.vault.address '" + address + "' is not a URL such as "
                    + "https://vault.example.com:8200.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalStateException("breakglass.vault.address '" + address + "' must start with https://.");
        }
        if (scheme.equals("http") && !allowPlainHttp && !isLoopback(uri.getHost())) {
            throw new IllegalStateException("breakglass.vault.address " + address + " uses plain http: Vault tokens "
                    + "and codes would cross the network unencrypted. Use https://, or set "
                    + "breakglass.vault.allow-plain-http=true if the connection is protected another way.");
        }
    }

    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost")
                || bare.startsWith("127.")
                || bare.equals("::1")
                || bare.equals("0:0:0:0:0:0:0:1");
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
