package dev.breakglass.security;

/** What a person is to one account. */
public enum AccountRole {
    OWNER("Owner"),
    COLLABORATOR("Collaborator");

    private final String label;

    AccountRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
