package dev.breakglass.security;

/**
 * How far a session's sign-in has come. Only {@link #SIGNED_IN} reaches pages and services; the others hold a
 * member who typed the right password but may open one page only.
 */
public enum SignInStage {
    /** Password and, when the member has one, second factor: the member may work. */
    SIGNED_IN,
    /** The password was right; the code from the authenticator app (or a recovery code) is still due. */
    CODE_PENDING,
    /** The password was right; the member has a passkey and no authenticator app, so a passkey's signature is due. */
    PASSKEY_PENDING,
    /** The workspace requires a second factor and the member has none: they must set one up first. */
    ENROLMENT_REQUIRED;

    /** The authority a session at this stage holds instead of its roles. */
    String authority() {
        return "SIGN_IN_" + name();
    }
}
