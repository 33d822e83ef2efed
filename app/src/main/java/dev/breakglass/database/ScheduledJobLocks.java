package dev.breakglass.database;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs, and their locks across instances. Every {@code @Scheduled} method also carries
 * {@code @SchedulerLock(name = "...", lockAtMostFor = "...")}: the instance that takes the job's row in the
 * {@code shedlock} table runs it, the others skip that run; the lock is taken with the database's clock, so the
 * instances' clocks need not agree. {@code lockAtMostFor} is how long a run may hold the lock if its instance dies
 * (then the next scheduled time runs it again, and the jobs are written to resume); {@code lockAtLeastFor} keeps a
 * short run from being repeated by an instance whose clock fires a little later. {@code ScheduledJobsTest} fails
 * for a scheduled method without a lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ScheduledJobLocks {

    @Bean
    LockProvider scheduledJobLockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
