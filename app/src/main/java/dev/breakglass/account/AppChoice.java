package dev.breakglass.account;

/** An app an account can be for, as the App field offers it; {@link #OTHER} is an app no plugin serves. */
public record AppChoice(String key, String name) {

    /** The key of "Other app": the account keeps the name that was typed for it. */
    public static final String OTHER = "other";

    public static AppChoice other() {
        return new AppChoice(OTHER, "Other app");
    }

    public boolean isOther() {
        return OTHER.equals(key);
    }
}
