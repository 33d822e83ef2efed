package dev.breakglass.encryption;

import dev.breakglass.crypto.CipherException;
import dev.breakglass.crypto.CipherVersion;
import dev.breakglass.crypto.EncryptionKeys;
import dev.breakglass.security.AccessPolicy;
import dev.breakglass.security.SignedInUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The encryption admin's door: how the stored codes are encrypted, key rotation, and the rewrap job. The key is
 * shared by every workspace, so only installation operators get through (see {@code InstallationOperators}),
 * checked here against their current role; anyone else is told the page does not exist.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CiphertextMaintenance {

    private final AccessPolicy access;
    private final CiphertextRepository ciphertexts;
    private final SignInSecretRepository signInSecrets;
    private final EncryptionKeys keys;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final RewrapRuns rewrapRuns;

    CiphertextMaintenance(
            AccessPolicy access,
            CiphertextRepository ciphertexts,
            SignInSecretRepository signInSecrets,
            RewrapRuns rewrapRuns,
            EncryptionKeys keys,
            TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.access = access;
        this.ciphertexts = ciphertexts;
        this.signInSecrets = signInSecrets;
        this.rewrapRuns = rewrapRuns;
        this.keys = keys;
        this.transaction = transaction;
        this.events = events;
    }

    /**
     * The active cipher, the asking member's workspace's codes per key version, and the rewrap job's progress (the job
     * is the installation's).
     */
    public EncryptionOverview overview() {
        UUID workspaceId = requireEncryptionAdmin().workspaceId();
        Map<String, Integer> newest = new HashMap<>();
        Optional<String> problem = Optional.empty();
        try {
            for (String cipher : keys.ciphers()) {
                newest.put(cipher, keys.newestVersion(cipher).version());
            }
        } catch (CipherException e) {
            problem = Optional.of(e.getMessage());
        }
        Map<CipherVersion, Integer> codes = ciphertexts.countByCipherVersion(workspaceId);
        Map<CipherVersion, Integer> secrets = signInSecrets.countByCipherVersion(workspaceId);
        Set<CipherVersion> inUse = new TreeSet<>(codes.keySet());
        inUse.addAll(secrets.keySet());
        List<EncryptionOverview.VersionCount> versions = new ArrayList<>();
        inUse.forEach(version -> versions.add(new EncryptionOverview.VersionCount(
                version,
                codes.getOrDefault(version, 0),
                secrets.getOrDefault(version, 0),
                Integer.valueOf(version.version()).equals(newest.get(version.cipher())))));
        return new EncryptionOverview(
                keys.status(),
                versions,
                problem,
                rewrapRuns.last(),
                ciphertexts.countSetsWithOlderBinding(workspaceId));
    }

    /**
     * Adds a new version to the active cipher's key; new codes use it at once, stored codes move to it with
     * the rewrap job.
     */
    public CipherVersion rotateKey() {
        SignedInUser admin = requireEncryptionAdmin();
        CipherVersion rotated = keys.rotateActiveKey();
        transaction.executeWithoutResult(status -> events.publishEvent(
                new EncryptionKeyRotated(admin.workspaceId(), admin.userId(), rotated.cipher(), rotated.version())));
        return rotated;
    }

    /** Starts the rewrap job in the background; false when it is already running on this instance. */
    public boolean startRewrap() {
        return rewrapRuns.startInBackground(requireEncryptionAdmin().userId());
    }

    /** The current or last rewrap run on this instance. */
    public Optional<CiphertextJobProgress> rewrapProgress() {
        requireEncryptionAdmin();
        return rewrapRuns.last();
    }

    /** An installation operator, by the role they hold now; anyone else is told there is no such page. */
    private SignedInUser requireEncryptionAdmin() {
        return access.requireInstallationOperator("The page").user();
    }
}
