package dev.breakglass.encryption;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the rewrap job on {@code breakglass.crypto.rewrap-cron} (nightly at 03:30 unless set; {@code -} turns
 * it off), so that codes follow a key rotated in Vault without anyone having to remember. Several instances
 * may run it at the same time; they share the work.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduledRewrap {

    private final RewrapRuns runs;

    ScheduledRewrap(RewrapRuns runs) {
        this.runs = runs;
    }

    @Scheduled(cron = "${breakglass.crypto.rewrap-cron:0 30 3 * * *}")
    void rewrap() {
        runs.runNow();
    }
}
