package dev.breakglass.paste;

/** How sure a format must be before Breakglass picks it for a paste on its own. */
public final class Recognition {

    /**
     * The confidence Breakglass asks of a format that the account's app did not point at; below it, the paste is
     * read by the app's own format or by the generic reader.
     */
    public static final double THRESHOLD = 0.65;

    private Recognition() {}
}
