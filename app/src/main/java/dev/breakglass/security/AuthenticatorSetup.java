package dev.breakglass.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * An authenticator app being set up: the secret to show (as a QR code, and as text under "Can't scan it?") until
 * the member types a right code. It lives in the page's memory only; the database holds it encrypted.
 */
public record AuthenticatorSetup(String secret, String accountName) {

    static final String ISSUER = "Breakglass";

    /** What the QR code holds, as authenticator apps read it (the secret goes nowhere else as a URL). */
    public String otpauthUri() {
        String label = encode(ISSUER + ":" + accountName);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=" + AuthenticatorCodes.DIGITS + "&period="
                + AuthenticatorCodes.STEP.toSeconds();
    }

    /** The secret in groups of four, easier to type. */
    public String groupedSecret() {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "AuthenticatorSetup[for " + accountName + "]";
    }
}
