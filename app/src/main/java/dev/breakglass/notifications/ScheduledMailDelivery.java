package dev.breakglass.notifications;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Sends the outbox every {@code breakglass.mail.send-every} (30 seconds unless set); nothing while mail is off. */
@Configuration(proxyBeanMethods = false)
class ScheduledMailDelivery {

    private final MailDelivery delivery;

    ScheduledMailDelivery(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(
            fixedDelayString = "${breakglass.mail.send-every:30s}",
            initialDelayString = "${breakglass.mail.send-every:30s}")
    // One instance at a time; the rows are claimed with SKIP LOCKED as well, so an overlap would still be safe.
    @SchedulerLock(name = "mail-delivery", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    void send() {
        delivery.sendDue();
    }
}
