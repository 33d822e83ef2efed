package dev.breakglass.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * The codes of an authenticator app (RFC 6238: HMAC-SHA1, six digits, 30-second steps, as every app reads a QR
 * code). A code is accepted for its own step and one step either side, so a phone's clock may be off by up to
 * 30 seconds; which step matched is returned, so that the caller can refuse a code that was already used.
 */
final class AuthenticatorCodes {

    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    static final int DRIFT_STEPS = 1;
    private static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TimeBasedOneTimePasswordGenerator generator;

    AuthenticatorCodes() {
        this(DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    }

    /** Other lengths and algorithms: for the RFC's test vectors only. */
    AuthenticatorCodes(int digits, String algorithm) {
        generator = new TimeBasedOneTimePasswordGenerator(STEP, digits, algorithm);
    }

    /** A new random secret of 160 bits, in base32 as the apps take it. */
    static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base32.encode(secret);
    }

    /** The time step an instant falls in: Unix seconds divided by 30. */
    static long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
    }

    /** The code the app shows at that instant. */
    String codeAt(byte[] secret, Instant instant) {
        try {
            return generator.generateOneTimePasswordString(key(secret), instant);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("An HMAC key of any length is valid", e);
        }
    }

    /**
     * The step whose code this is, within one step of now and later than the last step used; empty when the code
     * is wrong, too old, or was already used.
     */
    OptionalLong matchingStep(byte[] secret, String typed, Instant now, Long lastUsedStep) {
        String code = typed == null ? "" : typed.replaceAll("\\s", "");
        if (code.length() != generator.getPasswordLength() || !code.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (lastUsedStep != null && step <= lastUsedStep) {
                continue;
            }
            String expected = codeAt(secret, Instant.ofEpochSecond(step * STEP.toSeconds()));
            if (MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), code.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private Key key(byte[] secret) {
        return new SecretKeySpec(secret, generator.getAlgorithm());
    }
}
