package dev.breakglass.security;

/**
 * A member's sign-in security as their Sign-in security page shows it.
 *
 * @param recoveryCodesLeft unused Breakglass recovery codes
 * @param factorRequired whether the workspace's policy asks this member for a second factor
 * @param mayChangePolicy whether this member may change the workspace's policy
 */
public record SignInSecurity(
        boolean authenticatorApp,
        int recoveryCodesLeft,
        boolean passkey,
        boolean factorRequired,
        SecondFactorPolicy policy,
        boolean mayChangePolicy,
        SignInStage stage) {}
