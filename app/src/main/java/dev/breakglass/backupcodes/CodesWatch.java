package dev.breakglass.backupcodes;

import dev.breakglass.database.ClusterMessages;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Tells open account pages, on every instance, that an account's codes changed (saved, replaced, deleted, a code
 * marked), so that another Owner's page shows it at once. The message is the account's id only, sent once the
 * change commits; what a page then shows it reads again through {@link BackupCodeService}, which checks access.
 */
@Service
public class CodesWatch {

    /** The cluster channel on which changed codes are announced, by account. */
    static final String CHANNEL = "breakglass_codes";

    private final ClusterMessages cluster;
    private final Map<UUID, Set<Runnable>> watchers = new ConcurrentHashMap<>();

    CodesWatch(ClusterMessages cluster) {
        this.cluster = cluster;
        cluster.subscribe(CHANNEL, this::wake);
    }

    /**
     * Calls {@code onChange} (on a background thread) whenever the account's codes change, by anyone on any
     * instance, until the answer is closed.
     */
    @PreAuthorize("isAuthenticated()")
    public AutoCloseable watch(UUID accountId, Runnable onChange) {
        watchers.computeIfAbsent(accountId, id -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> watchers.computeIfPresent(accountId, (id, those) -> {
            those.remove(onChange);
            return those.isEmpty() ? null : those;
        });
    }

    @EventListener
    void on(CodesSaved saved) {
        announce(saved.accountId());
    }

    @EventListener
    void on(CodesReplaced replaced) {
        announce(replaced.accountId());
    }

    @EventListener
    void on(CodesDeleted deleted) {
        announce(deleted.accountId());
    }

    @EventListener
    void on(CodeMarked marked) {
        announce(marked.accountId());
    }

    private void announce(UUID accountId) {
        cluster.publish(CHANNEL, accountId.toString());
    }

    private void wake(String message) {
        UUID accountId;
        try {
            accountId = UUID.fromString(message.strip());
        } catch (IllegalArgumentException e) {
            return; // not one of ours
        }
        watchers.getOrDefault(accountId, Set.of()).forEach(Runnable::run);
    }
}
