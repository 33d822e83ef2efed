package dev.breakglass.backupcodes;

import dev.breakglass.formats.FormatInfo;
import dev.breakglass.formats.ParsedCodes;
import java.util.Optional;

/**
 * How a paste differs from what the account's app issues: read by another app's format, or not the number of codes
 * the app gives out at a time. Either often means the codes of another account were pasted.
 */
final class AppMismatch {

    private AppMismatch() {}

    /** A sentence on the difference, or empty when the paste looks like the app's own codes. */
    static Optional<String> describe(ParsedCodes parsed, Optional<FormatInfo> app, String appName) {
        if (app.isEmpty() || !app.get().supportsBackupCodes()) {
            return Optional.empty(); // no format of its own to compare with
        }
        FormatInfo expected = app.get();
        int found = parsed.codes().size();
        if (!expected.id().equals(parsed.formatId())) {
            String readAs = parsed.readAsGenericList()
                    ? "as a generic list, not as " + appName + " codes"
                    : "as " + parsed.formatName() + " codes, not " + appName + " codes";
            return Optional.of("This paste was read " + readAs + ". It may belong to another account.");
        }
        if (expected.expectedCodeCount().isPresent()
                && expected.expectedCodeCount().getAsInt() != found) {
            int issued = expected.expectedCodeCount().getAsInt();
            return Optional.of(appName + " issues " + issued + (issued == 1 ? " code" : " codes") + " at a time, but "
                    + found + (found == 1 ? " code was" : " codes were") + " found. Some may be missing or extra.");
        }
        return Optional.empty();
    }
}
