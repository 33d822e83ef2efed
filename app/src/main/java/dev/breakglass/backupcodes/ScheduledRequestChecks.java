package dev.breakglass.backupcodes;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the request checks every {@code breakglass.requests.check-every} (a minute unless set). */
@Configuration(proxyBeanMethods = false)
class ScheduledRequestChecks {

    private final CodeRequestSchedule schedule;

    ScheduledRequestChecks(CodeRequestSchedule schedule) {
        this.schedule = schedule;
    }

    @Scheduled(
            fixedDelayString = "${breakglass.requests.check-every:1m}",
            initialDelayString = "${breakglass.requests.check-every:1m}")
    // One instance at a time; the rows are claimed with SKIP LOCKED as well, so an overlap would still be safe.
    @SchedulerLock(name = "request-checks", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    void check() {
        schedule.approveOverdue();
        schedule.expireOverdue();
    }
}
