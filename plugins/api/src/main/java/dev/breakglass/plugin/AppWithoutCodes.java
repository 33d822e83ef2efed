package dev.breakglass.plugin;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The format of an app that has no backup codes (it recovers accounts through other MFA devices or support): it
 * reads nothing, so Breakglass tells the user instead of guessing, and its generic reader still takes codes typed by
 * hand.
 */
public abstract class AppWithoutCodes implements CodeFormat {

    private final FormatFacts facts;

    /** @param facts the app's facts; {@link FormatFacts#withoutBackupCodes()} is applied */
    protected AppWithoutCodes(FormatFacts facts) {
        this.facts = facts.withoutBackupCodes();
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
        return false;
    }

    @Override
    public final Optional<URI> settingsPage() {
        return facts.settingsPage();
    }

    @Override
    public final OptionalInt expectedCodeCount() {
        return OptionalInt.empty();
    }

    @Override
    public final double confidence(Paste paste) {
        return 0;
    }

    @Override
    public final FormatReading read(Paste paste) {
        return FormatReading.nothingIn(paste);
    }
}
