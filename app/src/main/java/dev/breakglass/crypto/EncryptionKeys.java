package dev.breakglass.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The ciphers this installation is configured for, which one encrypts new codes, and their key versions:
 * what the rewrap and migration jobs and the encryption admin page need. It checks no permission itself:
 * only services that do (such as the backup codes' maintenance service) call it.
 */
public final class EncryptionKeys {

    private final VersionedCipher active;
    private final Map<String, Supplier<VersionedCipher>> byName;
    private final CipherStatus status;
    private final Predicate<String> inUse;

    /**
     * @param byName every cipher this installation can use, the active one first
     * @param inUse whether a cipher may hold stored codes (the local keyring does not once Vault is active
     *        and no key file was ever created)
     */
    EncryptionKeys(
            VersionedCipher active,
            Map<String, Supplier<VersionedCipher>> byName,
            CipherStatus status,
            Predicate<String> inUse) {
        this.active = active;
        this.byName = new LinkedHashMap<>(byName);
        this.status = status;
        this.inUse = inUse;
    }

    /** The cipher new codes are encrypted with, and whether it is fit for production. */
    public CipherStatus status() {
        return status;
    }

    /** The name of the active cipher ({@code vault} or {@code local}). */
    public String activeCipher() {
        return active.name();
    }

    /** The names of the ciphers that may hold stored codes, the active one first. */
    public List<String> ciphers() {
        return byName.keySet().stream().filter(inUse).toList();
    }

    /** The version new ciphertexts of that cipher get; asks Vault for a Vault key. */
    public CipherVersion newestVersion(String cipher) {
        return new CipherVersion(cipher, versioned(cipher).newestVersion());
    }

    /** Rotates the active cipher's key and answers its new newest version. */
    public CipherVersion rotateActiveKey() {
        return new CipherVersion(active.name(), active.rotate());
    }

    /** The cipher of that name, for re-encrypting every code with it ({@code vault} or {@code local}). */
    public CodeCipher cipher(String name) {
        return versioned(name);
    }

    private VersionedCipher versioned(String name) {
        Supplier<VersionedCipher> cipher = byName.get(name);
        if (cipher == null) {
            throw new CipherUnavailableException(
                    VaultTransitCipher.NAME.equals(name)
                            ? "Vault is not configured: set VAULT_ADDR and its credentials first."
                            : "There is no cipher named '" + name + "'; use vault or local.");
        }
        return cipher.get();
    }
}
