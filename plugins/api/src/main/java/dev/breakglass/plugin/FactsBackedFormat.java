package dev.breakglass.plugin;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A {@link CodeFormat} whose descriptive parts (id, apps, name, settings page, code count) come from its
 * {@link FormatFacts}; subclasses add how to recognise and read a paste. The base of {@link LineCodeFormat} and
 * {@link AppWithoutCodes}, and of any format a plugin reads its own way.
 */
public abstract class FactsBackedFormat implements CodeFormat {

    private final FormatFacts facts;

    /** @param facts what the app's help pages say about its codes */
    protected FactsBackedFormat(FormatFacts facts) {
        this.facts = facts;
    }

    /** The facts this format was built with. */
    public final FormatFacts facts() {
        return facts;
    }

    @Override
    public final String id() {
        return facts.id();
    }

    @Override
    public final Set<String> appKeys() {
        return facts.appKeys();
    }

    @Override
    public final String displayName() {
        return facts.displayName();
    }

    @Override
    public final boolean supportsBackupCodes() {
        return facts.supportsBackupCodes();
    }

    @Override
    public final Optional<URI> settingsPage() {
        return facts.settingsPage();
    }

    @Override
    public final OptionalInt expectedCodeCount() {
        return facts.expectedCount();
    }
}
