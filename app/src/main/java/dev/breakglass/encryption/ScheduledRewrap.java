package dev.breakglass.encryption;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the rewrap job on {@code breakglass.crypto.rewrap-cron} (nightly at 03:30 unless set; {@code -} turns
 * it off), so that codes follow a key rotated in Vault without anyone having to remember. One instance runs it
 * (the scheduled-job lock); a run started on the Encryption page may still run beside it, and they share the work.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledRewrap {

    private final RewrapRuns runs;

    ScheduledRewrap(RewrapRuns runs) {
        this.runs = runs;
    }

    @Scheduled(cron = "${breakglass.crypto.rewrap-cron:0 30 3 * * *}")
    @SchedulerLock(name = "rewrap", lockAtMostFor = "PT6H", lockAtLeastFor = "PT1M")
    void rewrap() {
        runs.runNow();
    }
}
