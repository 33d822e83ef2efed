package dev.breakglass.security;

import static dev.breakglass.db.Tables.LOGIN_THROTTLE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing, in PostgreSQL so that every instance counts alike. Two counts apply to each
 * attempt: one for the e-mail address <em>from this client address</em>, so that strangers guessing elsewhere never
 * lock the real member out of their own machine, and one for the client address across all e-mail addresses (more
 * free attempts: a whole office may share it), against sprays. After the free attempts, each further one waits a
 * delay that doubles with every failure, up to a maximum.
 *
 * <p>An attempt is reserved before its password is checked: under a row lock, the counts are read, and if no delay
 * is due the attempt is counted as a failure at once. A correct password then takes the count back. So thirty
 * guesses sent at the same moment are checked one at a time, and all but the first wait.
 */
@Component
class LoginThrottle {

    private final DSLContext db;
    private final TransactionTemplate transaction;
    private final LoginThrottleProperties properties;

    LoginThrottle(DSLContext db, TransactionTemplate transaction, LoginThrottleProperties properties) {
        this.db = db;
        this.transaction = transaction;
        this.properties = properties;
    }

    /**
     * Reserves one attempt for this e-mail address from this client address.
     *
     * @return zero when the attempt may go ahead (it is counted as a failure until {@link #recordSuccess}); otherwise
     *     how long it must still wait, and nothing is counted
     */
    Duration reserveAttempt(String email, String address, Instant when) {
        return reserve(
                List.of(
                        new Count(pairKey(email, address), properties.freeAttempts()),
                        new Count(addressKey(address), properties.freeAttemptsPerAddress())),
                when);
    }

    /**
     * Reserves one attempt at a member's second factor or identity confirmation (a code, a recovery code, the
     * password again), counted like a password attempt for that member.
     */
    Duration reserveFactorAttempt(UUID userId, Instant when) {
        return reserve(List.of(new Count(factorKey(userId), properties.freeAttempts())), when);
    }

    /** The code was right: the member's count starts again. */
    void recordFactorSuccess(UUID userId) {
        db.deleteFrom(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.KEY_HASH.eq(factorKey(userId)))
                .execute();
    }

    private Duration reserve(List<Count> counts, Instant when) {
        // PostgreSQL keeps microseconds (rounding): compare in what it keeps, or a nanosecond would read as a wait.
        Instant now = when.truncatedTo(ChronoUnit.MICROS);
        return transaction.execute(status -> {
            Duration wait = Duration.ZERO;
            // Always the pair first, then the address: two attempts lock in the same order and never deadlock.
            for (Count count : counts) {
                Duration left = lockAndRead(count, now);
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
            if (wait.isZero()) {
                for (Count count : counts) {
                    db.update(LOGIN_THROTTLE)
                            .set(LOGIN_THROTTLE.FAILURES, LOGIN_THROTTLE.FAILURES.plus(1))
                            .set(LOGIN_THROTTLE.LAST_ATTEMPT_AT, at(now))
                            .where(LOGIN_THROTTLE.KEY_HASH.eq(count.keyHash()))
                            .execute();
                }
            }
            return wait;
        });
    }

    /** The password was right: the pair's count starts again, and the address's gets this attempt back. */
    void recordSuccess(String email, String address) {
        transaction.executeWithoutResult(status -> {
            db.deleteFrom(LOGIN_THROTTLE)
                    .where(LOGIN_THROTTLE.KEY_HASH.eq(pairKey(email, address)))
                    .execute();
            db.update(LOGIN_THROTTLE)
                    .set(LOGIN_THROTTLE.FAILURES, DSL.greatest(LOGIN_THROTTLE.FAILURES.minus(1), DSL.inline(0)))
                    .where(LOGIN_THROTTLE.KEY_HASH.eq(addressKey(address)))
                    .execute();
        });
    }

    /** No delay for the free attempts, then firstDelay, doubling each time, capped at maxDelay. */
    Duration delayAfter(int failureCount, int freeAttempts) {
        int beyond = failureCount - freeAttempts;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration delay = properties.firstDelay().multipliedBy(1L << Math.min(beyond - 1, 20));
        return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
    }

    /** Counts whose last attempt is older than the longest delay no longer slow anyone down. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    @SchedulerLock(name = "forget-old-sign-in-counts", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void forgetOldCounts() {
        db.deleteFrom(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.LAST_ATTEMPT_AT.lt(
                        at(Instant.now().minus(properties.maxDelay().multipliedBy(2)))))
                .execute();
    }

    private Duration lockAndRead(Count count, Instant now) {
        db.insertInto(LOGIN_THROTTLE, LOGIN_THROTTLE.KEY_HASH, LOGIN_THROTTLE.FAILURES, LOGIN_THROTTLE.LAST_ATTEMPT_AT)
                .values(count.keyHash(), 0, at(now))
                .onConflictDoNothing()
                .execute();
        var row = db.select(LOGIN_THROTTLE.FAILURES, LOGIN_THROTTLE.LAST_ATTEMPT_AT)
                .from(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.KEY_HASH.eq(count.keyHash()))
                .forUpdate()
                .fetchSingle();
        Instant allowedFrom = row.value2().toInstant().plus(delayAfter(row.value1(), count.freeAttempts()));
        Duration left = Duration.between(now, allowedFrom);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String pairKey(String email, String address) {
        return sha256("pair:" + String.valueOf(email).strip().toLowerCase(Locale.ROOT) + "|" + address);
    }

    private static String addressKey(String address) {
        return sha256("address:" + address);
    }

    private static String factorKey(UUID userId) {
        return sha256("factor:" + userId);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private record Count(String keyHash, int freeAttempts) {}
}
