package dev.breakglass.account;

/** The order of the card list. */
public enum CardSort {
    LABEL("Label"),
    RECENTLY_CHANGED("Recently changed"),
    FEWEST_CODES_LEFT("Fewest codes left");

    private final String label;

    CardSort(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
