package dev.breakglass.encryption;

import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * At most one rewrap run at a time on this instance, whoever starts it (the admin page or the schedule),
 * and the progress of the current or last one. Runs on other instances are kept apart by row locks.
 */
@Component
class RewrapRuns {

    private final CiphertextJobs jobs;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<CiphertextJobProgress> last = new AtomicReference<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ciphertext-rewrap");
        thread.setDaemon(true);
        return thread;
    });

    RewrapRuns(CiphertextJobs jobs) {
        this.jobs = jobs;
    }

    /**
     * Starts a run in the background; false when one is already running here.
     *
     * @param actorId the operator who started it, for the audit log
     */
    boolean startInBackground(UUID actorId) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        last.set(null);
        background.execute(() -> {
            try {
                jobs.rewrapAll(actorId, last::set);
            } finally {
                running.set(false);
            }
        });
        return true;
    }

    /** Runs now in the calling thread; empty when a run is already going on here. */
    Optional<CiphertextJobProgress> runNow() {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            return Optional.of(jobs.rewrapAll(last::set));
        } finally {
            running.set(false);
        }
    }

    Optional<CiphertextJobProgress> last() {
        return Optional.ofNullable(last.get());
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
