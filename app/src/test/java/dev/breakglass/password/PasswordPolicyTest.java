package dev.breakglass.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** At least 12 characters, not the e-mail address, not a password from the common list. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void shortPassword_isRefused_withItsLength() {
        assertThat(policy.problemWith("short-pass", "a@acme.test"))
                .hasValue("Use at least 12 characters; this one has 10.");
    }

    @Test
    void commonPasswords_areRefused_whateverTheirCase() {
        assertThat(policy.problemWith("Password1234", "a@acme.test"))
                .get()
                .asString()
                .contains("too easy to guess");
        assertThat(policy.problemWith("QWERTY123456", "a@acme.test")).isPresent();
        assertThat(policy.problemWith("aaaaaaaaaaaaaaa", "a@acme.test")).isPresent();
    }

    @Test
    void theEmailAddress_isRefused() {
        assertThat(policy.problemWith("Long.Name@acme.test", "long.name@acme.test"))
                .get()
                .asString()
                .contains("e-mail");
    }

    @Test
    void aLongUnusualPassphrase_isAccepted() {
        assertThat(policy.problemWith("velvet lantern orbit", "a@acme.test")).isEmpty();
        assertThat(policy.problemWith("x".repeat(128) + "y", "a@acme.test")).hasValue("Use at most 128 characters.");
    }
}
