package dev.breakglass.notifications;

import dev.breakglass.password.PasswordChanged;
import dev.breakglass.password.SetPasswordLinkIssued;
import dev.breakglass.security.OwnersReassigned;
import dev.breakglass.security.RevealHold;
import dev.breakglass.security.SignInSecurityAction;
import dev.breakglass.security.SignInSecurityChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Privileged changes are break-glass events: an admin who reassigns an account's Owners, or whose set-password link
 * replaces a member's password, could reach codes unseen. Everyone concerned hears of it, in the app and by e-mail
 * (whatever their e-mail settings), in the transaction of the change:
 *
 * <ul>
 *   <li>a reassignment: every former and current Owner of the account;
 *   <li>an admin's reset of a member's second factor: the other Owners of the member's accounts;
 *   <li>a link that would replace a password: the member, when it is issued;
 *   <li>a password replaced through an admin's link: the member and the other Owners of the member's accounts, with
 *       how long the member's codes stay hidden ({@link RevealHold}).
 * </ul>
 */
@Component
class PrivilegedChangeNotices {

    private final NotificationRepository notifications;
    private final NotificationCenter center;
    private final MailOutbox mail;
    private final RevealHold hold;

    PrivilegedChangeNotices(
            NotificationRepository notifications, NotificationCenter center, MailOutbox mail, RevealHold hold) {
        this.notifications = notifications;
        this.center = center;
        this.mail = mail;
        this.hold = hold;
    }

    @EventListener
    void on(OwnersReassigned event) {
        Set<UUID> concerned = new LinkedHashSet<>(event.previousOwners());
        concerned.addAll(event.owners());
        concerned.remove(event.actorId());
        String actor = notifications.nameOf(event.actorId());
        String account = notifications.labelOf(event.accountId());
        String message = actor + " reassigned the Owners of " + account + ". Owners now: " + names(event.owners())
                + "; before: " + names(event.previousOwners()) + ".";
        tell(
                event.workspaceId(),
                List.copyOf(concerned),
                event.actorId(),
                event.accountId(),
                "OWNERS_REASSIGNED",
                "The Owners of " + account + " were reassigned",
                message,
                "/accounts/" + event.accountId());
    }

    @EventListener
    void on(SetPasswordLinkIssued event) {
        if (event.actorId() == null
                || !event.replacesPassword()
                || event.actorId().equals(event.userId())) {
            return;
        }
        String admin = notifications.nameOf(event.actorId());
        tell(
                event.workspaceId(),
                List.of(event.userId()),
                event.actorId(),
                null,
                "SET_PASSWORD_LINK_ISSUED",
                admin + " issued a link to set a new password for you",
                admin + " issued a link to set a new password for your Breakglass sign-in. If you did not ask for it, "
                        + "tell another admin at once: whoever uses the link can sign in as you.",
                "/profile/security");
    }

    @EventListener
    void on(PasswordChanged event) {
        if (event.resetBy() == null) {
            return;
        }
        String admin = notifications.nameOf(event.resetBy());
        String member = notifications.nameOf(event.userId());
        String held = hours(hold.holdFor());
        tell(
                event.workspaceId(),
                List.of(event.userId()),
                event.resetBy(),
                null,
                "PASSWORD_RESET",
                "Your password was set through " + admin + "'s link",
                "Your password was set through a link " + admin + " issued. For the next " + held + ", codes stay "
                        + "hidden from you unless you confirm with a passkey or an authenticator app you had before. "
                        + "If you did not choose this password, tell another admin at once.",
                "/profile/security");
        List<UUID> coOwners = new ArrayList<>(notifications.coOwnersOf(event.workspaceId(), event.userId()));
        coOwners.remove(event.resetBy());
        tell(
                event.workspaceId(),
                coOwners,
                event.resetBy(),
                null,
                "PASSWORD_RESET",
                admin + " reset " + member + "'s password",
                admin + " reset the password of " + member + ", who is an Owner of accounts you own, with a "
                        + "set-password link. For the next " + held + ", " + member + " cannot view or use codes "
                        + "unless they confirm with a second factor they had before.",
                "/accounts");
    }

    /** The member hears of it from {@link NotificationCenter}; the other Owners of their accounts hear it here. */
    @EventListener
    void on(SignInSecurityChanged event) {
        if (event.action() != SignInSecurityAction.SECOND_FACTORS_RESET) {
            return;
        }
        String admin = notifications.nameOf(event.actorId());
        String member = notifications.nameOf(event.memberId());
        List<UUID> coOwners = new ArrayList<>(notifications.coOwnersOf(event.workspaceId(), event.memberId()));
        coOwners.remove(event.actorId());
        tell(
                event.workspaceId(),
                coOwners,
                event.actorId(),
                null,
                "SECOND_FACTORS_RESET",
                admin + " reset " + member + "'s second factor",
                admin + " reset the second factor of " + member + ", who is an Owner of accounts you own. " + member
                        + " signs in with their password alone until they set up a new one.",
                "/accounts");
    }

    private void tell(
            UUID workspaceId,
            List<UUID> people,
            UUID actorId,
            UUID accountId,
            String kind,
            String subject,
            String message,
            String path) {
        List<UUID> active = people.isEmpty() ? List.of() : notifications.activeAmong(workspaceId, people);
        for (UUID person : active) {
            notifications.notifyMember(workspaceId, person, actorId, accountId, kind, message);
            if (mail.enabled()) {
                mail.send(workspaceId, mail.recipient(workspaceId, person), kind, subject, message, mail.link(path));
            }
        }
        center.announce(active);
    }

    private String names(List<UUID> people) {
        return people.isEmpty()
                ? "nobody"
                : people.stream().map(notifications::nameOf).collect(Collectors.joining(", "));
    }

    private static String hours(Duration duration) {
        long hours = duration.toHours();
        return hours >= 1 ? hours + (hours == 1 ? " hour" : " hours") : duration.toMinutes() + " minutes";
    }
}
