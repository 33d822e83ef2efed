package dev.breakglass.security;

/** What happened to a member's sign-in security; each name is also the audit log's action. */
public enum SignInSecurityAction {
    SECOND_FACTOR_ENROLLED,
    SECOND_FACTOR_REMOVED,
    RECOVERY_CODES_GENERATED,
    RECOVERY_CODE_USED,
    SECOND_FACTORS_RESET,
    SECOND_FACTOR_POLICY_CHANGED,
    IDENTITY_CONFIRMATION_FAILED,
    SESSION_ENDED_AFTER_FAILED_CONFIRMATIONS
}
