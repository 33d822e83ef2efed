package dev.breakglass.backupcodes;

import dev.breakglass.formats.PasteProblem;
import java.util.List;
import java.util.Optional;

/**
 * What the Add codes dialog shows while the user pastes: never the codes themselves.
 *
 * @param formatName the app whose format read the paste, such as "Google"; null when a generic list was read (the
 *     dialog then says "10 codes", not jargon) or nothing was
 * @param codeCount how many codes were found
 * @param unreadableLines lines with text that held no code
 * @param problem why the paste cannot be saved as it is, if it cannot
 * @param notice a sentence when the paste was not read as planned, such as a format plugin that failed
 * @param appName the account's app, such as "GitHub"
 * @param settingsPage the app's backup-code settings page, when its plugin knows it
 * @param appHasCodes false when the app's plugin says the app has no backup codes at all
 * @param mismatch a sentence when the paste does not look like the app's codes (another app's format, or not the
 *     number of codes the app issues): saving it then needs the user's explicit {@link Mismatch#ACCEPTED}
 */
public record PastePreview(
        String formatName,
        int codeCount,
        List<String> unreadableLines,
        Optional<PasteProblem> problem,
        Optional<String> notice,
        String appName,
        Optional<String> settingsPage,
        boolean appHasCodes,
        Optional<String> mismatch) {

    public PastePreview {
        unreadableLines = List.copyOf(unreadableLines);
    }

    /** A preview without anything to say about the app. */
    public PastePreview(
            String formatName, int codeCount, List<String> unreadableLines, Optional<PasteProblem> problem) {
        this(
                formatName,
                codeCount,
                unreadableLines,
                problem,
                Optional.empty(),
                "",
                Optional.empty(),
                true,
                Optional.empty());
    }

    @Override
    public String toString() {
        return "PastePreview[format=" + formatName + ", codes=" + codeCount + ", problem=" + problem + ", mismatch="
                + mismatch.isPresent() + "]";
    }
}
