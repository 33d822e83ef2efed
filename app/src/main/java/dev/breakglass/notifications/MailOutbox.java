package dev.breakglass.notifications;

import dev.breakglass.backupcodes.CodeMarked;
import dev.breakglass.backupcodes.CodeRequestChanged;
import dev.breakglass.backupcodes.CodeRequestChanged.Change;
import dev.breakglass.backupcodes.CodesDeleted;
import dev.breakglass.backupcodes.CodesReplaced;
import dev.breakglass.backupcodes.CodesRevealed;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Writes the e-mails an action causes into the outbox, in the action's transaction; {@link MailDelivery} sends them
 * later. Owners get one for a new request, the requester one for the answer, and Owners who opted in one when codes
 * are viewed, used, replaced or deleted. An e-mail carries no code and no more of a reason or note than its first
 * line, and links to the account in the app. Nothing is written while no mail server is configured.
 */
@Component
class MailOutbox {

    private static final String DEFAULT_URL = "http://localhost:8080";

    private final MailOutboxRepository outbox;
    private final NotificationRepository names;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final String publicUrl;

    MailOutbox(
            MailOutboxRepository outbox,
            NotificationRepository names,
            ObjectProvider<JavaMailSender> mailSender,
            Clock clock,
            @Value("${breakglass.public-url:}") String publicUrl) {
        this.outbox = outbox;
        this.names = names;
        this.mailSender = mailSender;
        this.clock = clock;
        this.publicUrl = (publicUrl.isBlank() ? DEFAULT_URL : publicUrl).replaceAll("/+$", "");
    }

    /** The member as a recipient, when they are an active member (else nobody). */
    List<MailOutboxRepository.Recipient> recipient(UUID workspaceId, UUID userId) {
        return outbox.member(workspaceId, userId);
    }

    /** The app's address followed by this path. */
    String link(String path) {
        return publicUrl + path;
    }

    /** Whether e-mail is configured (spring.mail.host), so that the outbox is filled at all. */
    boolean enabled() {
        return mailSender.getIfAvailable() != null;
    }

    @EventListener
    void on(CodeRequestChanged event) {
        if (!enabled()) {
            return;
        }
        String actor = names.nameOf(event.actorId());
        String requester = names.nameOf(event.requesterId());
        String account = names.labelOf(event.accountId());
        String link = publicUrl + "/accounts/" + event.accountId() + "?request=" + event.requestId();
        String kind = "REQUEST_" + event.change().name();
        if (event.change() == Change.REQUESTED || event.change() == Change.AUTO_APPROVED) {
            RequestNotices.forOwners(event, actor, requester, account)
                    .ifPresent(text -> send(
                            event.workspaceId(),
                            outbox.owners(event.workspaceId(), event.accountId(), event.actorId(), false),
                            kind,
                            event.change() == Change.REQUESTED
                                    ? requester + " asks for a backup code of " + account
                                    : "A request for a code of " + account + " was approved automatically",
                            text,
                            link));
        }
        if (event.change() == Change.APPROVED
                || event.change() == Change.AUTO_APPROVED
                || event.change() == Change.DENIED) {
            RequestNotices.forRequester(event, actor, account)
                    .ifPresent(text -> send(
                            event.workspaceId(),
                            outbox.member(event.workspaceId(), event.requesterId()),
                            kind,
                            "Your request for a code of " + account + " was "
                                    + (event.change() == Change.DENIED ? "denied" : "approved"),
                            text,
                            link));
        }
    }

    @EventListener
    void on(CodesRevealed event) {
        codeActivity(event.workspaceId(), event.accountId(), event.actorId(), "CODES_REVEALED", "viewed the codes of");
    }

    @EventListener
    void on(CodeMarked event) {
        codeActivity(
                event.workspaceId(),
                event.accountId(),
                event.actorId(),
                "CODE_MARKED",
                event.handedOut()
                        ? "used a backup code of"
                        : event.used() ? "marked a backup code used for" : "marked a backup code unused for");
    }

    @EventListener
    void on(CodesReplaced event) {
        codeActivity(
                event.workspaceId(), event.accountId(), event.actorId(), "CODES_REPLACED", "replaced the codes of");
    }

    @EventListener
    void on(CodesDeleted event) {
        codeActivity(event.workspaceId(), event.accountId(), event.actorId(), "CODES_DELETED", "deleted the codes of");
    }

    private void codeActivity(UUID workspaceId, UUID accountId, UUID actorId, String kind, String what) {
        if (!enabled()) {
            return;
        }
        List<MailOutboxRepository.Recipient> optedIn = outbox.owners(workspaceId, accountId, actorId, true);
        if (optedIn.isEmpty()) {
            return;
        }
        String sentence = names.nameOf(actorId) + " " + what + " " + names.labelOf(accountId);
        send(workspaceId, optedIn, kind, sentence, sentence + ".", publicUrl + "/accounts/" + accountId);
    }

    /** Queues one e-mail per recipient, when mail is configured; the body ends with a link into the app. */
    void send(
            UUID workspaceId,
            List<MailOutboxRepository.Recipient> recipients,
            String kind,
            String subject,
            String text,
            String link) {
        if (!enabled() || recipients.isEmpty()) {
            return;
        }
        String body = text + "\n\nOpen it in Breakglass: " + link + "\n\n"
                + "You get this e-mail because you are a member of a Breakglass workspace. "
                + "E-mails from Breakglass never contain a code.\n";
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        recipients.forEach(to -> outbox.enqueue(workspaceId, to, kind, "Breakglass: " + subject, body, now));
    }
}
