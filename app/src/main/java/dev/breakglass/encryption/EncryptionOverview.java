package dev.breakglass.encryption;

import dev.breakglass.crypto.CipherStatus;
import dev.breakglass.crypto.CipherVersion;
import java.util.List;
import java.util.Optional;

/**
 * What the encryption admin page shows: the active cipher, how many codes sit on each cipher and key
 * version, and the rewrap job. Counts only.
 *
 * @param cipher the cipher new codes are encrypted with
 * @param versions codes and sign-in secrets per cipher and key version, oldest first within a cipher
 * @param problem why the newest key versions could not be read (Vault unreachable, sealed...), if so
 * @param rewrap the current or last rewrap run on this instance
 * @param setsWithOlderBinding code sets still bound the way codes were before they were bound to their position;
 *     the {@code migrate-cipher} command moves them
 */
public record EncryptionOverview(
        CipherStatus cipher,
        List<VersionCount> versions,
        Optional<String> problem,
        Optional<CiphertextJobProgress> rewrap,
        int setsWithOlderBinding) {

    public EncryptionOverview {
        versions = List.copyOf(versions);
    }

    /** Codes still to move to the newest key version of their cipher. */
    public int codesToRewrap() {
        return versions.stream()
                .filter(count -> !count.newest())
                .mapToInt(VersionCount::codes)
                .sum();
    }

    /** Sign-in secrets (authenticator apps, single sign-on) still to move to the newest key version. */
    public int secretsToRewrap() {
        return versions.stream()
                .filter(count -> !count.newest())
                .mapToInt(VersionCount::secrets)
                .sum();
    }

    /**
     * How many codes and sign-in secrets one cipher and key version encrypts.
     *
     * @param secrets the workspace's authenticator-app secrets and single sign-on client secret on this version
     * @param newest whether it is the newest version of its cipher (false also when that is unknown)
     */
    public record VersionCount(CipherVersion version, int codes, int secrets, boolean newest) {}
}
