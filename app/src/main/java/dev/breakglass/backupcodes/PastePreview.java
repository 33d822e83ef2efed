package dev.breakglass.backupcodes;

import dev.breakglass.formats.PasteProblem;
import java.util.List;
import java.util.Optional;

/**
 * What the Add codes dialog shows while the user pastes: never the codes themselves.
 *
 * @param formatName the format that read the paste, when codes were found
 * @param codeCount how many codes were found
 * @param unreadableLines lines with text that held no code
 * @param problem why the paste cannot be saved as it is, if it cannot
 */
public record PastePreview(String formatName, int codeCount, List<String> unreadableLines, Optional<PasteProblem> problem) {

    public PastePreview {
        unreadableLines = List.copyOf(unreadableLines);
    }

    @Override
    public String toString() {
        return "PastePreview[format=" + formatName + ", codes=" + codeCount + ", problem=" + problem + "]";
    }
}
