package dev.breakglass.testing;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.breakglass.security.AuthenticatorSetup;
import dev.breakglass.security.SecondFactorService;
import java.security.InvalidKeyException;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Component;

/**
 * A member's authenticator app, as a test plays it: set up through the real service, and the codes it shows computed
 * from the secret the member was given (RFC 6238, as an app reads the QR code), independently of the app's own code.
 */
@Component
public class AuthenticatorApps {

    private final SecondFactorService factors;
    private final SignIn signIn;
    private final TestClock clock;

    AuthenticatorApps(SecondFactorService factors, SignIn signIn, TestClock clock) {
        this.factors = factors;
        this.signIn = signIn;
        this.clock = clock;
    }

    /** Sets up an authenticator app for the member, signed in as them, and signs out; returns the app's secret. */
    public String enrol(String email) {
        signIn.asConfirmed(email);
        try {
            AuthenticatorSetup setup = factors.startAuthenticatorSetup();
            factors.finishAuthenticatorSetup(codeAt(setup.secret(), clock.instant()));
            return setup.secret();
        } finally {
            signIn.out();
        }
    }

    /** The code an app with this base32 secret shows at that instant. */
    public static String codeAt(String base32Secret, Instant instant) {
        try {
            return new TimeBasedOneTimePasswordGenerator()
                    .generateOneTimePasswordString(
                            new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"), instant);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("An HMAC key of any length is valid", e);
        }
    }
}
