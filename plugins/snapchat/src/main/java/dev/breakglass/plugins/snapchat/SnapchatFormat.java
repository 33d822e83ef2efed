package dev.breakglass.plugins.snapchat;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Snapchat backup codes, shown as {@code k3f92m7xp0q4a8d2}. See this plugin's README for the sources.
 *
 * <p>The pattern asks for a digit within the code, so that English words of the same length ("recovery",
 * "download") are not read as codes; a code of letters only is missed.
 */
@Extension
public final class SnapchatFormat extends LineCodeFormat {

    public SnapchatFormat() {
        super(
                FormatFacts.of("snapchat", "Snapchat")
                        .expectedCodes(1)
                        .keywords("snapchat", "snapchat-backup-codes"),
                Pattern.compile("(?=[A-Za-z -]{0,15}\\d)[a-z0-9]{16}", Pattern.CASE_INSENSITIVE));
    }

    /** Saved without separators, in the app's case, so that the same code typed twice in two ways is saved once. */
    @Override
    protected String canonical(String matched) {
        return matched.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** Shown as the app shows it. */
    @Override
    public String display(String code) {
        return code;
    }
}
