package dev.breakglass.security;

/** A member's role in the workspace, from most to least powerful. */
public enum WorkspaceRole {
    OWNER("Owner"),
    SUPER_ADMIN("Super Admin"),
    ADMIN("Admin"),
    USER("User"),
    GUEST("Guest"),
    LOGIN_ONLY("Login-only");

    private final String label;

    WorkspaceRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether an account Owner with this workspace role may keep backup codes (add, view, use, replace, delete). */
    public boolean mayKeepCodes() {
        return this == OWNER || this == SUPER_ADMIN || this == ADMIN || this == USER;
    }
}
