package dev.breakglass.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per e-mail address and per client address, and says how long the next attempt must
 * wait: nothing for the first few failures (more for an address, which a whole office may share), then a delay that doubles with each failure, up to a maximum.
 * Attempts during the delay are refused without checking the password, so guessing gets slow without tying
 * up a thread. The counts live in memory: a restart forgets them, and each node of a cluster counts its own.
 */
@Component
class LoginThrottle {

    /** Bounds memory under a flood of made-up addresses: past this, entries that no longer delay are dropped. */
    static final int MAX_TRACKED = 100_000;

    private final LoginThrottleProperties properties;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(LoginThrottleProperties properties) {
        this.properties = properties;
    }

    /** How long an attempt for this e-mail address from this client address must still wait; zero when it may go ahead. */
    Duration waitBeforeAttempt(String email, String address, Instant now) {
        Duration byAccount = remaining(accountKey(email), properties.freeAttempts(), now);
        Duration byAddress = remaining(addressKey(address), properties.freeAttemptsPerAddress(), now);
        return byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
    }

    void recordFailure(String email, String address, Instant now) {
        if (failures.size() >= MAX_TRACKED) {
            forgetStale(now);
        }
        failures.merge(accountKey(email), new Failures(1, now), (old, one) -> old.plusOne(now));
        failures.merge(addressKey(address), new Failures(1, now), (old, one) -> old.plusOne(now));
    }

    /** A correct password clears the account's count; the address's count stays, so one good login cannot hide a spray. */
    void recordSuccess(String email) {
        failures.remove(accountKey(email));
    }

    private Duration remaining(String key, int freeAttempts, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, entry.last().plus(delayAfter(entry.count(), freeAttempts)));
        return left.isNegative() ? Duration.ZERO : left;
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

    private void forgetStale(Instant now) {
        Instant horizon = now.minus(properties.maxDelay());
        failures.values().removeIf(entry -> entry.last().isBefore(horizon));
    }

    private static String accountKey(String email) {
        return "account:" + String.valueOf(email).strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private record Failures(int count, Instant last) {

        Failures plusOne(Instant now) {
            return new Failures(count + 1, now);
        }
    }
}
