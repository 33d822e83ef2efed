package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.SignIn;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A failed sign-in answers no sooner than the floor, whichever way it failed, so its timing does not tell a known
 * address from an unknown one (issue #12, Low). The provider is built here with a password check that takes no time,
 * so that only the floor can make the answers as slow as asserted; the throttle, members and audit are the real ones.
 */
@SpringBootTest
class SignInTimingTest {

    private static final Duration FLOOR = Duration.ofMillis(300);

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    MemberDetailsService members;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Clock clock;

    @Autowired
    SecondFactorCheck factors;

    @Test
    void unknownAddress_wrongPassword_andRightPassword_withAFastHash_onlyFailuresWaitForTheFloor() {
        TestMember member = fixtures.newWorkspace().member(WorkspaceRole.USER);
        ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(
                instantPasswordCheck(), members, throttle, events, clock, factors, FLOOR);

        long unknown = failureMillis(provider, "nobody-" + UUID.randomUUID() + "@example.test", "whatever");
        long wrong = failureMillis(provider, member.email(), "not the password");
        long started = System.nanoTime();
        Authentication right =
                provider.authenticate(SignIn.attempt(member.email(), RoleFixtures.PASSWORD, "192.0.2.9"));

        assertThat(right.isAuthenticated()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("a right password does not wait: only failures are padded")
                .isLessThan(FLOOR);
        assertThat(unknown).isGreaterThanOrEqualTo(FLOOR.toMillis());
        assertThat(wrong).isGreaterThanOrEqualTo(FLOOR.toMillis());
    }

    private static long failureMillis(ThrottledAuthenticationProvider provider, String email, String password) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> provider.authenticate(SignIn.attempt(email, password, "192.0.2.9")))
                .isInstanceOf(AuthenticationException.class);
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }

    /** Spring's provider over the real members, with a password check that takes no time: the fixtures' password. */
    private DaoAuthenticationProvider instantPasswordCheck() {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(members);
        dao.setPasswordEncoder(new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return "plain:" + raw;
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return RoleFixtures.PASSWORD.contentEquals(raw);
            }
        });
        return dao;
    }
}
