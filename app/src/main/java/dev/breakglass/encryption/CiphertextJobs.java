package dev.breakglass.encryption;

import dev.breakglass.crypto.CipherBinding;
import dev.breakglass.crypto.CipherContext;
import dev.breakglass.crypto.CipherException;
import dev.breakglass.crypto.CipherUnavailableException;
import dev.breakglass.crypto.CodeCipher;
import dev.breakglass.crypto.EncryptionKeys;
import dev.breakglass.encryption.CiphertextRepository.StoredCiphertext;
import dev.breakglass.encryption.CiphertextRepository.Wanted;
import dev.breakglass.encryption.SignInSecretRepository.SecretPlace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The jobs that walk every stored ciphertext: rewrap (every code to its cipher's newest key version,
 * through the cipher's own rewrap, so Vault codes never become plaintext here) and cipher migration (every
 * code re-encrypted with another cipher, and every set moved to the current {@link CipherBinding}, which a
 * rewrap cannot change because Vault rewraps under the same derivation context). Both also move the sign-in
 * secrets encrypted with the same cipher (members' authenticator apps, single sign-on client secrets), so that
 * retiring an old key version or the local key file after a run locks nobody out.
 *
 * <p>Each code set is handled in a transaction of its own that first locks the set's row with
 * {@code FOR UPDATE SKIP LOCKED}: two runs at once (two instances, or the schedule and an admin) split the
 * sets between them instead of doing them twice, and a set the other run holds is looked at again once it is
 * released. Ciphertexts are replaced only if unchanged since they were read. A run that stops leaves every
 * set either done or untouched, so running it again simply continues; a set already done is not touched. Each
 * sign-in secret is handled the same way, in its own transaction under its row's lock.
 */
@Component
class CiphertextJobs {

    static final String REWRAP = "rewrap";
    static final String MIGRATE = "migrate-cipher";

    private static final Logger log = LoggerFactory.getLogger(CiphertextJobs.class);
    private static final int PAGE = 100;
    private static final int MAX_PASSES = 20;
    private static final long BUSY_WAIT_MILLIS = 250;

    private final CiphertextRepository ciphertexts;
    private final SignInSecretRepository secrets;
    private final CodeCipher cipher;
    private final EncryptionKeys keys;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    CiphertextJobs(
            CiphertextRepository ciphertexts,
            SignInSecretRepository secrets,
            CodeCipher cipher,
            EncryptionKeys keys,
            TransactionTemplate transaction,
            ApplicationEventPublisher events) {
        this.events = events;
        this.ciphertexts = ciphertexts;
        this.secrets = secrets;
        this.cipher = cipher;
        this.keys = keys;
        this.transaction = transaction;
    }

    /** Moves every stored code to the newest key version of the cipher that encrypted it; by the schedule or a command. */
    CiphertextJobProgress rewrapAll(Consumer<CiphertextJobProgress> listener) {
        return rewrapAll(null, listener);
    }

    /**
     * Moves every stored code to the newest key version of the cipher that encrypted it. A run that changed codes,
     * or failed to, is audited in every workspace ({@link CodesRewrapped}).
     *
     * @param actorId the operator who started the run; null for the schedule or the command line
     */
    CiphertextJobProgress rewrapAll(UUID actorId, Consumer<CiphertextJobProgress> listener) {
        CiphertextJobProgress run = rewrapEach(listener);
        if (run.codesChanged() > 0 || run.setsFailed() > 0 || run.secretsChanged() > 0 || run.secretsFailed() > 0) {
            transaction.executeWithoutResult(status -> events.publishEvent(new CodesRewrapped(
                    actorId,
                    run.setsDone(),
                    run.codesChanged(),
                    run.setsFailed(),
                    run.codesRemaining(),
                    run.secretsChanged(),
                    run.secretsRemaining())));
        }
        return run;
    }

    private CiphertextJobProgress rewrapEach(Consumer<CiphertextJobProgress> listener) {
        List<String> newest = new ArrayList<>();
        try {
            for (String name : keys.ciphers()) {
                newest.add(keys.newestVersion(name).prefix());
            }
        } catch (CipherUnavailableException e) {
            CiphertextJobProgress stopped =
                    CiphertextJobProgress.starting(REWRAP, 0).finished(-1, -1, e.getMessage());
            listener.accept(stopped);
            return stopped;
        }
        return walk(REWRAP, new Wanted(newest, false), cipher::rewrapAll, listener);
    }

    /**
     * Re-encrypts every stored code and sign-in secret that is not yet encrypted with {@code target} ({@code vault}
     * or {@code local}), and every set still bound an older way, so that afterwards everything is on {@code target}
     * and bound the current way. Migrating to the cipher already in use only rebinds.
     */
    CiphertextJobProgress migrateAll(String target, Consumer<CiphertextJobProgress> listener) {
        CodeCipher targetCipher = keys.cipher(target);
        return walk(
                MIGRATE,
                new Wanted(List.of(target + ":"), true),
                (context, old) -> targetCipher.encryptAll(
                        context.boundAs(CipherBinding.CURRENT), cipher.decryptAll(context, old)),
                listener);
    }

    private CiphertextJobProgress walk(
            String job, Wanted wanted, SetTransform transform, Consumer<CiphertextJobProgress> listener) {
        return new Run(job, wanted, transform, listener).toTheEnd();
    }

    /**
     * One run of a job: passes over the sets that still need work until a pass meets no set held by another run (at
     * most {@link #MAX_PASSES}), each set in its own transaction; it stops early when the cipher is unavailable.
     */
    private final class Run {

        private final String job;
        private final Wanted wanted;
        private final SetTransform transform;
        private final Consumer<CiphertextJobProgress> listener;
        private final Set<UUID> failed = new HashSet<>();
        private final Set<SecretPlace> failedSecrets = new HashSet<>();
        private CiphertextJobProgress progress;

        Run(String job, Wanted wanted, SetTransform transform, Consumer<CiphertextJobProgress> listener) {
            this.job = job;
            this.wanted = wanted;
            this.transform = transform;
            this.listener = listener;
        }

        CiphertextJobProgress toTheEnd() {
            report(CiphertextJobProgress.starting(job, ciphertexts.countSetsNeedingWork(wanted)));
            try {
                for (int pass = 1; pass <= MAX_PASSES && passLeftSetsToOthers(); pass++) {
                    sleep(BUSY_WAIT_MILLIS); // another run holds some sets; look again once it has released them
                }
                for (int pass = 1; pass <= MAX_PASSES && passLeftSecretsToOthers(); pass++) {
                    sleep(BUSY_WAIT_MILLIS);
                }
            } catch (CipherUnavailableException e) {
                log.warn("{} stopped: {}", job, e.getMessage());
                return report(progress.finished(
                        ciphertexts.countCodesNeedingWork(wanted), secrets.countNeedingWork(wanted), e.getMessage()));
            }
            report(progress.finished(
                    ciphertexts.countCodesNeedingWork(wanted), secrets.countNeedingWork(wanted), null));
            log.info(progress.describe());
            return progress;
        }

        /** One pass over every set that needs work, page by page; whether another run held any of them. */
        private boolean passLeftSetsToOthers() {
            boolean heldByOthers = false;
            UUID after = null;
            List<UUID> page;
            do {
                page = ciphertexts.setsNeedingWork(wanted, after, PAGE);
                for (UUID setId : page) {
                    after = setId;
                    if (!failed.contains(setId)) {
                        heldByOthers |= handle(setId) == SetOutcome.HELD_BY_ANOTHER_RUN;
                    }
                }
            } while (page.size() == PAGE);
            return heldByOthers;
        }

        /** One pass over every sign-in secret that needs work; whether another run held any of them. */
        private boolean passLeftSecretsToOthers() {
            boolean heldByOthers = false;
            for (SecretPlace place : secrets.needingWork(wanted)) {
                if (!failedSecrets.contains(place)) {
                    heldByOthers |= handle(place) == SetOutcome.HELD_BY_ANOTHER_RUN;
                }
            }
            return heldByOthers;
        }

        private SetOutcome handle(SecretPlace place) {
            try {
                SetOutcome outcome = transaction.execute(status -> transformSecret(place));
                if (outcome instanceof SetOutcome.Done) {
                    report(progress.secretDone());
                }
                return outcome;
            } catch (CipherUnavailableException e) {
                throw e;
            } catch (CipherException e) {
                failedSecrets.add(place);
                log.warn(
                        "{}: the {} secret of {} was left as it was: {}",
                        job,
                        place.kind(),
                        place.ownerId(),
                        e.getMessage());
                report(progress.secretFailed());
                return SetOutcome.FAILED;
            }
        }

        /** Locks the secret's row, checks it still needs work (another run may have done it) and does it. */
        private SetOutcome transformSecret(SecretPlace place) {
            Optional<String> stored = secrets.lock(place);
            if (stored.isEmpty()) {
                return SetOutcome.HELD_BY_ANOTHER_RUN;
            }
            if (wanted.prefixes().stream().anyMatch(stored.get()::startsWith)) {
                return SetOutcome.ALREADY_DONE;
            }
            String replacement =
                    transform.apply(place.context(), List.of(stored.get())).get(0);
            return secrets.replace(place, stored.get(), replacement) ? new SetOutcome.Done(1) : SetOutcome.ALREADY_DONE;
        }

        private SetOutcome handle(UUID setId) {
            try {
                SetOutcome outcome = transaction.execute(status -> transformSet(setId));
                if (outcome instanceof SetOutcome.Done done) {
                    report(progress.setDone(done.replaced()));
                }
                return outcome;
            } catch (CipherUnavailableException e) {
                throw e;
            } catch (CipherException e) {
                failed.add(setId);
                log.warn("{}: code set {} was left as it was: {}", job, setId, e.getMessage());
                report(progress.setFailed());
                return SetOutcome.FAILED;
            }
        }

        /** Locks the set, re-reads what still needs work (another run may have done it meanwhile) and does it. */
        private SetOutcome transformSet(UUID setId) {
            Optional<CipherContext> set = ciphertexts.lockSet(setId);
            if (set.isEmpty()) {
                return SetOutcome.HELD_BY_ANOTHER_RUN;
            }
            List<StoredCiphertext> stored = ciphertexts.ciphertextsNeedingWork(setId, wanted);
            if (stored.isEmpty()) {
                return SetOutcome.ALREADY_DONE;
            }
            List<String> replacements = transform.apply(
                    set.get().at(stored.stream().map(StoredCiphertext::position).toList()),
                    stored.stream().map(StoredCiphertext::ciphertext).toList());
            int replaced = ciphertexts.replace(setId, stored, replacements);
            if (wanted.currentBinding() && set.get().binding() != CipherBinding.CURRENT) {
                // Every code of the set was re-encrypted under the set's lock, so the set's binding moves with them.
                if (replaced != stored.size()) {
                    throw new CipherException("The code set changed while it was being moved; it was left as it was.");
                }
                ciphertexts.setBinding(setId, CipherBinding.CURRENT);
            }
            return new SetOutcome.Done(replaced);
        }

        private CiphertextJobProgress report(CiphertextJobProgress next) {
            progress = next;
            listener.accept(progress);
            return progress;
        }
    }

    /** What happened to one set. */
    private sealed interface SetOutcome {

        SetOutcome HELD_BY_ANOTHER_RUN = new Skipped("held by another run");
        SetOutcome ALREADY_DONE = new Skipped("done by another run");
        SetOutcome FAILED = new Skipped("failed; left as it was");

        record Skipped(String why) implements SetOutcome {}

        record Done(int replaced) implements SetOutcome {}
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface SetTransform {
        List<String> apply(CipherContext context, List<String> ciphertexts);
    }
}
