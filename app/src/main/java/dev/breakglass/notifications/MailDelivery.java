package dev.breakglass.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Each batch claims its e-mails with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances never send one twice. A failed attempt waits before the next (a minute, doubling up to an hour); after
 * {@code breakglass.mail.max-attempts} the e-mail is given up and the audit log says so.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    private static final int BATCH = 20;
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final MailOutboxRepository outbox;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String from;
    private final int maxAttempts;

    MailDelivery(
            MailOutboxRepository outbox,
            ObjectProvider<JavaMailSender> mailSender,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${breakglass.mail.from:breakglass@localhost}") String from,
            @Value("${breakglass.mail.max-attempts:8}") int maxAttempts) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.from = from;
        this.maxAttempts = maxAttempts;
    }

    /** Sends every e-mail that is due now; returns how many went out. */
    public int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        int[] batch;
        do {
            batch = transaction.execute(status -> sendBatch(sender));
            sent += batch[0];
        } while (batch[1] == BATCH);
        return sent;
    }

    /** @return e-mails sent, e-mails claimed */
    private int[] sendBatch(JavaMailSender sender) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        var due = outbox.claimDue(now, BATCH);
        int sent = 0;
        for (MailOutboxRepository.Outgoing mail : due) {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(mail.to());
                message.setSubject(mail.subject());
                message.setText(mail.body());
                sender.send(message);
                outbox.markSent(mail.id(), now);
                sent++;
            } catch (MailException e) {
                failed(mail, e, now);
            }
        }
        return new int[] {sent, due.size()};
    }

    private void failed(MailOutboxRepository.Outgoing mail, MailException e, OffsetDateTime now) {
        int attempts = mail.attempts() + 1;
        String error = e.getClass().getSimpleName() + ": "
                + String.valueOf(e.getMostSpecificCause().getMessage());
        if (attempts >= maxAttempts) {
            log.warn("E-mail {} ({}) given up after {} attempts: {}", mail.id(), mail.kind(), attempts, error);
            outbox.markFailed(mail.id(), error, null);
            events.publishEvent(new MailDeliveryFailed(
                    mail.workspaceId(), mail.recipientId(), mail.id(), mail.kind(), attempts, error));
            return;
        }
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
        if (wait.compareTo(LONGEST_RETRY) > 0) {
            wait = LONGEST_RETRY;
        }
        log.warn(
                "E-mail {} ({}) not sent, attempt {}; next try in {}: {}",
                mail.id(),
                mail.kind(),
                attempts,
                wait,
                error);
        outbox.markFailed(mail.id(), error, now.plus(wait));
    }
}
