package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Five free failures per e-mail address (twenty per client address), then a delay that doubles up to a maximum.
 */
class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(5, 20, Duration.ofSeconds(2), Duration.ofMinutes(15)));
    private final Instant start = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void fiveFailures_costNothing_theSixthStartsADelayThatDoubles() {
        failures("a@acme.test", "10.0.0.1", 5);
        assertThat(throttle.waitBeforeAttempt("a@acme.test", "10.0.0.1", start)).isZero();

        failures("a@acme.test", "10.0.0.1", 1);
        assertThat(throttle.waitBeforeAttempt("a@acme.test", "10.0.0.1", start)).isEqualTo(Duration.ofSeconds(2));
        failures("a@acme.test", "10.0.0.1", 1);
        assertThat(throttle.waitBeforeAttempt("a@acme.test", "10.0.0.1", start)).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.waitBeforeAttempt("a@acme.test", "10.0.0.1", start.plusSeconds(4))).isZero();
    }

    @Test
    void delay_neverExceedsTheMaximum() {
        assertThat(throttle.delayAfter(5, 5)).isZero();
        assertThat(throttle.delayAfter(6, 5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayAfter(10, 5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(throttle.delayAfter(1_000, 5)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anAccount_isThrottledFromEveryAddress_andAnAddressForEveryAccount() {
        for (int i = 0; i < 6; i++) {
            throttle.recordFailure("target@acme.test", "10.0.0." + i, start);
        }
        assertThat(throttle.waitBeforeAttempt("TARGET@acme.test ", "192.168.1.1", start)).isPositive();

        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("spray" + i + "@acme.test", "10.9.9.9", start);
        }
        assertThat(throttle.waitBeforeAttempt("fresh@acme.test", "10.9.9.9", start)).isZero();
        throttle.recordFailure("spray-more@acme.test", "10.9.9.9", start);
        assertThat(throttle.waitBeforeAttempt("fresh@acme.test", "10.9.9.9", start)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.waitBeforeAttempt("fresh@acme.test", "10.9.9.8", start)).isZero();
    }

    @Test
    void success_clearsTheAccount_butNotTheAddress() {
        failures("b@acme.test", "10.0.0.2", 21);
        throttle.recordSuccess("b@acme.test");

        assertThat(throttle.waitBeforeAttempt("b@acme.test", "10.0.0.3", start)).isZero();
        assertThat(throttle.waitBeforeAttempt("b@acme.test", "10.0.0.2", start)).isPositive();
    }

    private void failures(String email, String address, int count) {
        for (int i = 0; i < count; i++) {
            throttle.recordFailure(email, address, start);
        }
    }
}
