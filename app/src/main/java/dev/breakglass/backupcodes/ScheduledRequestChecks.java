package dev.breakglass.backupcodes;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the request checks every {@code breakglass.requests.check-every} (a minute unless set). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledRequestChecks {

    private final CodeRequestSchedule schedule;

    ScheduledRequestChecks(CodeRequestSchedule schedule) {
        this.schedule = schedule;
    }

    @Scheduled(
            fixedDelayString = "${breakglass.requests.check-every:1m}",
            initialDelayString = "${breakglass.requests.check-every:1m}")
    void check() {
        schedule.approveOverdue();
        schedule.expireOverdue();
    }
}
