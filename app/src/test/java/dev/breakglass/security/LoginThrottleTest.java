package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The sign-in throttle on a real PostgreSQL, with the default settings: 5 free attempts per e-mail address and
 * client address, 20 per client address, then 2 s doubling up to 15 minutes. Each test uses addresses of its own.
 */
@SpringBootTest
class LoginThrottleTest {

    @Autowired
    LoginThrottle throttle;

    private final Instant start = Instant.parse("2030-01-01T00:00:00Z");
    /** Each test gets an address block of its own: the counts live in the shared context's database. */
    private static final AtomicInteger BLOCKS = new AtomicInteger();

    private final String net = "198.51." + BLOCKS.incrementAndGet() + ".";

    @Test
    void afterTheFreeAttempts_eachFailureDoublesTheWait() {
        String email = unique("a");
        attempts(email, net + "1", 6);

        assertThat(throttle.reserveAttempt(email, net + "1", start)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.reserveAttempt(email, net + "1", start.plusSeconds(2)))
                .isZero();
        assertThat(throttle.reserveAttempt(email, net + "1", start.plusSeconds(2)))
                .isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void delay_neverExceedsTheMaximum() {
        assertThat(throttle.delayAfter(5, 5)).isZero();
        assertThat(throttle.delayAfter(6, 5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.delayAfter(10, 5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(throttle.delayAfter(1_000, 5)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void strangersGuessingElsewhere_neverPauseTheMemberAtTheirOwnAddress() {
        String email = unique("target");
        for (int i = 0; i < 30; i++) {
            attempts(email, net + "1" + i, 1);
        }
        attempts(email, net + "2", 6);

        assertThat(throttle.reserveAttempt(email.toUpperCase() + " ", net + "2", start))
                .isPositive();
        assertThat(throttle.reserveAttempt(email, net + "3", start)).isZero();
    }

    @Test
    void anAddressSprayingManyAccounts_isPausedForEveryAccount() {
        String sprayer = net + "9";
        for (int i = 0; i < 21; i++) {
            assertThat(throttle.reserveAttempt(unique("spray"), sprayer, start)).isZero();
        }

        assertThat(throttle.reserveAttempt(unique("fresh"), sprayer, start)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.reserveAttempt(unique("fresh"), net + "8", start)).isZero();
    }

    @Test
    void thirtyGuessesAtOnce_afterTheLimit_onlyOneIsChecked() throws Exception {
        String email = unique("raced");
        String address = net + "7";
        attempts(email, address, 6);
        Instant later = start.plusSeconds(2); // the delay after six failures has just passed

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Duration>> guesses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                Callable<Duration> guess = () -> {
                    go.await();
                    return throttle.reserveAttempt(email, address, later);
                };
                guesses.add(threads.submit(guess));
            }
            go.countDown();
            int checked = 0;
            for (Future<Duration> guess : guesses) {
                checked += guess.get().isZero() ? 1 : 0;
            }
            assertThat(checked).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theRightPassword_startsThePairAgain_butKeepsTheAddressCount() {
        String email = unique("b");
        String address = net + "5";
        for (int i = 0; i < 20; i++) {
            attempts(unique("other"), address, 1);
        }
        attempts(email, address, 1);
        throttle.recordSuccess(email, address);

        attempts(email, address, 1); // the 21st counted attempt from this address: still free
        assertThat(throttle.reserveAttempt(email, address, start)).isEqualTo(Duration.ofSeconds(2));
    }

    private void attempts(String email, String address, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(throttle.reserveAttempt(email, address, start)).isZero();
        }
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@acme.test";
    }
}
