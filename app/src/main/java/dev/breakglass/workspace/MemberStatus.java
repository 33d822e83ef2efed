package dev.breakglass.workspace;

/** Whether a member can sign in. A deactivated member keeps their role and account access for a later return. */
public enum MemberStatus {
    ACTIVE("Active"),
    DEACTIVATED("Deactivated");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
