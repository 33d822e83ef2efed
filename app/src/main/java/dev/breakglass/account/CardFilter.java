package dev.breakglass.account;

/** Which accounts the card list shows. */
public enum CardFilter {
    ALL("All accounts"),
    MFA_ON_NO_CODES("MFA on, no codes"),
    LOW_CODES("Low on codes"),
    OLD_CODES("Codes older than the limit");

    private final String label;

    CardFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
