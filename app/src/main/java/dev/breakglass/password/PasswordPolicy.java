package dev.breakglass.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What makes a password acceptable: at least 12 characters, at most 128 (hashing cost stays bounded), not
 * the e-mail address, and not on a short list of passwords that attackers try first.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = loadCommonPasswords();
    }

    /** Why this password is refused, as a sentence to show under the field; empty when it is fine. */
    public Optional<String> problemWith(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters; this one has " + length + ".");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (email != null && lower.equals(email.toLowerCase(Locale.ROOT))) {
            return Optional.of("Don't use your e-mail address as your password.");
        }
        if (common.contains(lower) || password.codePoints().distinct().count() == 1) {
            return Optional.of("This password is too easy to guess. Try a few unrelated words together.");
        }
        return Optional.empty();
    }

    /** Refuses a weak password with its sentence. */
    void require(String password, String email) {
        problemWith(password, email).ifPresent(problem -> {
            throw new WeakPasswordException(problem);
        });
    }

    private static Set<String> loadCommonPasswords() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the password package");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .map(line -> line.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
