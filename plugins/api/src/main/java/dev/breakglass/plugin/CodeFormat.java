package dev.breakglass.plugin;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * How one app shows its MFA backup codes, and how to read them back from what a user pasted.
 *
 * <p>A plugin marks its implementation with {@code @org.pf4j.Extension}. Breakglass prepares every paste before a
 * format sees it (encodings, line breaks, invisible characters, HTML/JSON/CSV, codes marked as used, list
 * numbering, dates and phone numbers: see {@link Paste}), so a format only recognises its own codes. Most formats
 * extend {@link LineCodeFormat} and declare a pattern.
 *
 * <p>Implementations must be stateless and thread-safe, must not log or keep the text they read, and should
 * answer in milliseconds: Breakglass abandons a call after a second and lets its generic reader answer instead.
 */
public interface CodeFormat extends ExtensionPoint {

    /** A stable identifier stored with every saved set, such as {@code github}; lower case, digits and dashes. */
    String id();

    /** The app keys this format serves, such as {@code github}; an account's app key selects its format first. */
    Set<String> appKeys();

    /** The app's name as users know it, such as {@code GitHub}. */
    String displayName();

    /**
     * Whether the app offers backup or recovery codes at all. An app that does not (it recovers accounts another
     * way) answers {@code false}, and Breakglass tells the user so instead of asking for codes.
     */
    default boolean supportsBackupCodes() {
        return true;
    }

    /** The app's page where a user turns on MFA and shows or renews the backup codes, when there is one. */
    Optional<URI> settingsPage();

    /** How many codes the app hands out in one set, when it is always the same number. */
    OptionalInt expectedCodeCount();

    /**
     * A code as the app shows it, such as {@code 1234 5678} for the stored {@code 12345678}.
     *
     * @param code a code as {@link #read(Paste)} returned it
     */
    default String display(String code) {
        return code;
    }

    /**
     * How sure this format is that the paste is its own: 0 when it holds none of its codes, 1 when the paste names
     * the app and holds exactly the expected set. Breakglass uses it to pick a format when the account's own app has
     * none or finds nothing.
     */
    double confidence(Paste paste);

    /** Reads the codes in a paste, and the lines that held text but no code. */
    FormatReading read(Paste paste);
}
