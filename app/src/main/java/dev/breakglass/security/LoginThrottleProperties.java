package dev.breakglass.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins slow down the next attempt.
 *
 * @param freeAttempts failures allowed per e-mail address before a delay applies
 * @param freeAttemptsPerAddress failures allowed per client address, across all e-mail addresses, before a delay
 *        applies; higher, since a whole office may share one address
 * @param firstDelay the delay after the first failure beyond the free ones; it doubles with each further one
 * @param maxDelay the longest delay; failures older than this are forgotten
 */
@ConfigurationProperties("breakglass.login")
record LoginThrottleProperties(
        @DefaultValue("5") int freeAttempts,
        @DefaultValue("20") int freeAttemptsPerAddress,
        @DefaultValue("2s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay) {}
