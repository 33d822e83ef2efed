package dev.breakglass.security;

/** Who in a workspace must sign in with a second factor (a passkey or an authenticator app). */
public enum SecondFactorPolicy {
    NOBODY("Nobody: a second factor is optional"),
    CODE_KEEPERS("Members who keep codes (Owners of an account with saved codes)"),
    EVERYONE("Everyone");

    private final String label;

    SecondFactorPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
