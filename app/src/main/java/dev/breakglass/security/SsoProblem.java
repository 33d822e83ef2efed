package dev.breakglass.security;

import java.util.Arrays;
import java.util.Optional;

/** Why a single sign-on did not sign someone in, as the sign-in page says it ({@code /login?sso=CODE}). */
public enum SsoProblem {
    UNREACHABLE(
            "unreachable",
            "The identity provider could not be reached. Try again in a few minutes; if it keeps failing, ask your "
                    + "Breakglass admin to check the Single sign-on settings."),
    WRONG_SECRET(
            "client",
            "The identity provider refused Breakglass's client id or secret. Ask your Breakglass admin to check the "
                    + "client secret on the Single sign-on page."),
    EMAIL_NOT_VERIFIED(
            "unverified",
            "Your identity provider has not verified your e-mail address. Verify it there, then sign in again."),
    NOT_A_MEMBER(
            "not-member", "You are not a member of this Breakglass workspace: ask your Breakglass admin to add you."),
    DOMAIN_NOT_ALLOWED(
            "domain",
            "Your e-mail address is not of a domain this workspace allows for single sign-on. Sign in with your "
                    + "company account, or ask your Breakglass admin."),
    NOT_FRESH(
            "not-fresh",
            "The identity provider did not ask you to sign in again, so it did not confirm it was you. Try again."),
    FAILED("failed", "Single sign-on did not work. Try again, or ask your Breakglass admin.");

    private final String code;
    private final String sentence;

    SsoProblem(String code, String sentence) {
        this.code = code;
        this.sentence = sentence;
    }

    /** The word in the sign-in page's address. */
    public String code() {
        return code;
    }

    /** What the person reads, and what to do. */
    public String sentence() {
        return sentence;
    }

    public static Optional<SsoProblem> ofCode(String code) {
        return Arrays.stream(values())
                .filter(problem -> problem.code.equals(code))
                .findFirst();
    }
}
