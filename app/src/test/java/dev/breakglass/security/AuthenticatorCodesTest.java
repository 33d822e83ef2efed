package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The authenticator app's codes: RFC 6238's test vectors, one step of drift either way, no code twice. */
class AuthenticatorCodesTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_KEY =
            ("1234567890123456789012345678901234567890123456789012345678901234").getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, Appendix B: eight digits at the given Unix times. */
    @ParameterizedTest(name = "{0} s: {1} (SHA1), {2} (SHA256), {3} (SHA512)")
    @CsvSource({
        "59, 94287082, 46119246, 90693936",
        "1111111109, 07081804, 68084774, 25091201",
        "1111111111, 14050471, 67062674, 99943326",
        "1234567890, 89005924, 91819424, 93441116",
        "2000000000, 69279037, 90698825, 38618901",
        "20000000000, 65353130, 77737706, 47863826"
    })
    void codeAt_matchesTheRfcTestVectors(long seconds, String sha1, String sha256, String sha512) {
        Instant at = Instant.ofEpochSecond(seconds);

        assertThat(new AuthenticatorCodes(8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1)
                        .codeAt(SHA1_KEY, at))
                .isEqualTo(sha1);
        assertThat(new AuthenticatorCodes(8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA256)
                        .codeAt(SHA256_KEY, at))
                .isEqualTo(sha256);
        assertThat(new AuthenticatorCodes(8, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA512)
                        .codeAt(SHA512_KEY, at))
                .isEqualTo(sha512);
    }

    @Test
    void sixDigitCode_isTheLastSixOfTheRfcVector() {
        // The apps show six digits: the same truncation, modulo 10^6 (RFC 4226).
        assertThat(new AuthenticatorCodes().codeAt(SHA1_KEY, Instant.ofEpochSecond(59)))
                .isEqualTo("287082");
    }

    @Test
    void matchingStep_acceptsOneStepOfDriftEitherWay_andRefusesTwo() {
        AuthenticatorCodes codes = new AuthenticatorCodes();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = AuthenticatorCodes.stepAt(now);

        for (int drift = -1; drift <= 1; drift++) {
            String code = codes.codeAt(SHA1_KEY, now.plusSeconds(30L * drift));
            assertThat(codes.matchingStep(SHA1_KEY, code, now, null)).hasValue(step + drift);
        }
        for (int drift : new int[] {-2, 2}) {
            String code = codes.codeAt(SHA1_KEY, now.plusSeconds(30L * drift));
            assertThat(codes.matchingStep(SHA1_KEY, code, now, null)).isEmpty();
        }
    }

    @Test
    void matchingStep_refusesACodeOfAStepAlreadyUsed_evenWithinTheWindow() {
        AuthenticatorCodes codes = new AuthenticatorCodes();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = AuthenticatorCodes.stepAt(now);
        String code = codes.codeAt(SHA1_KEY, now);

        assertThat(codes.matchingStep(SHA1_KEY, code, now, step - 1)).hasValue(step);
        assertThat(codes.matchingStep(SHA1_KEY, code, now, step)).isEmpty();
        assertThat(codes.matchingStep(SHA1_KEY, code, now.plusSeconds(30), step))
                .isEmpty();
    }

    @Test
    void matchingStep_refusesWrongLengthsLettersAndNothing() {
        AuthenticatorCodes codes = new AuthenticatorCodes();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String code = codes.codeAt(SHA1_KEY, now);

        assertThat(codes.matchingStep(SHA1_KEY, code.substring(1), now, null)).isEmpty();
        assertThat(codes.matchingStep(SHA1_KEY, "abcdef", now, null)).isEmpty();
        assertThat(codes.matchingStep(SHA1_KEY, null, now, null)).isEmpty();
        assertThat(codes.matchingStep(SHA1_KEY, code.substring(0, 3) + " " + code.substring(3), now, null))
                .isPresent();
    }

    @Test
    void base32_roundTrips_andNewSecretsHold160Bits() {
        byte[] bytes = "any bytes at all!".getBytes(StandardCharsets.UTF_8);

        assertThat(Base32.decode(Base32.encode(bytes))).isEqualTo(bytes);
        assertThat(Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode(AuthenticatorCodes.newSecret())).hasSize(20);
    }
}
