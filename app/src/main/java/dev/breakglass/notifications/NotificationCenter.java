package dev.breakglass.notifications;

import dev.breakglass.backupcodes.CodeMarked;
import dev.breakglass.backupcodes.CodeRequestChanged;
import dev.breakglass.backupcodes.CodeWarnings;
import dev.breakglass.backupcodes.CodesDeleted;
import dev.breakglass.backupcodes.CodesReplaced;
import dev.breakglass.backupcodes.CodesRevealed;
import dev.breakglass.backupcodes.CodesSaved;
import dev.breakglass.database.ClusterMessages;
import dev.breakglass.security.AccountRemoved;
import dev.breakglass.security.CurrentUser;
import dev.breakglass.security.SignInSecurityAction;
import dev.breakglass.security.SignInSecurityChanged;
import dev.breakglass.security.SignedInUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Tells an account's other Owners when its codes are viewed, used, replaced or deleted, tells a member when an admin
 * reset their second factor, and shows each member their own notifications. Notifications are written in the transaction of the action they report.
 */
@Service
public class NotificationCenter {

    static final int RECENT = 20;

    /** The cluster channel on which new notifications are announced, by recipient. */
    public static final String CHANNEL = "breakglass_notifications";

    private static final int RECIPIENTS_PER_MESSAGE = 150;

    private final NotificationRepository notifications;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final CodeWarnings warnings;
    private final ClusterMessages cluster;
    private final Map<UUID, Set<Runnable>> watchers = new ConcurrentHashMap<>();

    NotificationCenter(
            NotificationRepository notifications,
            CurrentUser currentUser,
            Clock clock,
            CodeWarnings warnings,
            ClusterMessages cluster) {
        this.notifications = notifications;
        this.currentUser = currentUser;
        this.clock = clock;
        this.warnings = warnings;
        this.cluster = cluster;
        cluster.subscribe(CHANNEL, message -> recipientsIn(message).forEach(this::wake));
    }

    /**
     * Calls {@code onNew} (on a background thread) whenever the signed-in member gets a notification, from an action
     * on any instance, until the answer is closed. The bell refreshes itself with it.
     */
    @PreAuthorize("isAuthenticated()")
    public AutoCloseable watchMine(Runnable onNew) {
        UUID me = currentUser.require().userId();
        watchers.computeIfAbsent(me, id -> new CopyOnWriteArraySet<>()).add(onNew);
        return () -> watchers.computeIfPresent(me, (id, those) -> {
            those.remove(onNew);
            return those.isEmpty() ? null : those;
        });
    }

    private void wake(UUID recipient) {
        watchers.getOrDefault(recipient, Set.of()).forEach(Runnable::run);
    }

    /**
     * Tells every instance, once the action commits, whose bells to refresh: open pages show the new count at once,
     * wherever the recipient is signed in. Ids only, in as many messages as PostgreSQL's payload limit needs.
     */
    void announce(List<UUID> recipients) {
        for (int from = 0; from < recipients.size(); from += RECIPIENTS_PER_MESSAGE) {
            List<UUID> some = recipients.subList(from, Math.min(recipients.size(), from + RECIPIENTS_PER_MESSAGE));
            cluster.publish(CHANNEL, some.stream().map(UUID::toString).collect(Collectors.joining(",")));
        }
    }

    /** Who among these people has new notifications: the ids in a message on {@link #CHANNEL}. */
    public static List<UUID> recipientsIn(String message) {
        return message.isBlank()
                ? List.of()
                : Arrays.stream(message.split(",")).map(UUID::fromString).toList();
    }

    /** The first codes of an account: its other Owners learn they are there (and who keeps them). */
    @EventListener
    void on(CodesSaved event) {
        announce(notifications.notifyOtherOwners(
                event.workspaceId(), event.accountId(), event.actorId(), "CODES_SAVED", "saved backup codes for", "."));
    }

    @EventListener
    void on(CodesRevealed event) {
        announce(notifications.notifyOtherOwners(
                event.workspaceId(),
                event.accountId(),
                event.actorId(),
                "CODES_REVEALED",
                "viewed the backup codes of",
                "."));
    }

    @EventListener
    void on(CodeMarked event) {
        String what = event.handedOut()
                ? "used a backup code of"
                : event.used() ? "marked a backup code used for" : "marked a backup code unused for";
        announce(notifications.notifyOtherOwners(
                event.workspaceId(),
                event.accountId(),
                event.actorId(),
                "CODE_MARKED",
                what,
                warnings.isLow(event.remaining()) ? " (" + event.remaining() + " left)." : "."));
    }

    @EventListener
    void on(CodesReplaced event) {
        announce(notifications.notifyOtherOwners(
                event.workspaceId(),
                event.accountId(),
                event.actorId(),
                "CODES_REPLACED",
                "replaced the backup codes of",
                "."));
    }

    @EventListener
    void on(CodesDeleted event) {
        announce(notifications.notifyOtherOwners(
                event.workspaceId(),
                event.accountId(),
                event.actorId(),
                "CODES_DELETED",
                "deleted the backup codes of",
                "."));
    }

    /** The requester hears the answer; the account's Owners hear of new requests and each other's answers. */
    @EventListener
    void on(CodeRequestChanged event) {
        String actor = notifications.nameOf(event.actorId());
        String requester = notifications.nameOf(event.requesterId());
        String account = notifications.labelOf(event.accountId());
        String kind = "REQUEST_" + event.change().name();
        RequestNotices.forRequester(event, actor, account).ifPresent(message -> {
            notifications.notifyMember(
                    event.workspaceId(), event.requesterId(), event.actorId(), event.accountId(), kind, message);
            announce(List.of(event.requesterId()));
        });
        RequestNotices.forOwners(event, actor, requester, account)
                .ifPresent(message -> announce(notifications.notifyOwners(
                        event.workspaceId(), event.accountId(), event.actorId(), event.actorId(), kind, message)));
    }

    @EventListener
    void on(AccountRemoved event) {
        announce(notifications.notifyOtherOwners(
                event.workspaceId(),
                event.accountId(),
                event.actorId(),
                "ACCOUNT_REMOVED",
                "removed the account",
                "; its backup codes are destroyed."));
    }

    /** The member whose second factor an admin reset hears who did it, in case it was not them who asked. */
    @EventListener
    void on(SignInSecurityChanged event) {
        if (event.action() == SignInSecurityAction.SECOND_FACTORS_RESET) {
            notifications.notifyMember(
                    event.workspaceId(),
                    event.memberId(),
                    event.actorId(),
                    null,
                    "SECOND_FACTORS_RESET",
                    notifications.nameOf(event.actorId())
                            + " reset your second factor. Set up a passkey or an authenticator app again on Sign-in "
                            + "security.");
            announce(List.of(event.memberId()));
        }
    }

    @PreAuthorize("isAuthenticated()")
    public int unreadCount() {
        SignedInUser me = currentUser.require();
        return notifications.countUnread(me.workspaceId(), me.userId());
    }

    /** The signed-in member's latest notifications, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<Notice> recent() {
        SignedInUser me = currentUser.require();
        return notifications.findRecent(me.workspaceId(), me.userId(), RECENT);
    }

    @PreAuthorize("isAuthenticated()")
    public void markAllRead() {
        SignedInUser me = currentUser.require();
        notifications.markAllRead(me.workspaceId(), me.userId(), OffsetDateTime.now(clock));
    }
}
