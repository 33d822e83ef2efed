package dev.breakglass.account;

/** Whether multi-factor authentication is turned on for the account, as its Owners recorded it. */
public enum MfaState {
    ON("MFA on"),
    OFF("MFA off"),
    UNKNOWN("MFA unknown");

    private final String label;

    MfaState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
