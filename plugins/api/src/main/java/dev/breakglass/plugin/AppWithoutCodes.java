package dev.breakglass.plugin;

/**
 * The format of an app that has no backup codes (it recovers accounts through other MFA devices or support): it
 * reads nothing, so Breakglass tells the user instead of guessing, and its generic reader still takes codes typed by
 * hand.
 */
public abstract class AppWithoutCodes extends FactsBackedFormat {

    /** @param facts the app's facts; {@link FormatFacts#withoutBackupCodes()} is applied */
    protected AppWithoutCodes(FormatFacts facts) {
        super(facts.withoutBackupCodes());
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
