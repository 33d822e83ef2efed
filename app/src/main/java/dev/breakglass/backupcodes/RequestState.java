package dev.breakglass.backupcodes;

/** Where a break-glass request stands. It leaves PENDING once, and APPROVED once. */
public enum RequestState {
    PENDING("Pending"),
    APPROVED("Approved"),
    DENIED("Denied"),
    EXPIRED("Expired"),
    USED("Used"),
    CANCELLED("Cancelled");

    private final String label;

    RequestState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the requester may still cancel it (and so may not ask again meanwhile). */
    public boolean isOpen() {
        return this == PENDING || this == APPROVED;
    }
}
