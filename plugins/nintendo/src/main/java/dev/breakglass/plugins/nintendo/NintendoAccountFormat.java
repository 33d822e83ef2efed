package dev.breakglass.plugins.nintendo;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Nintendo Account backup codes, shown as {@code k3f92m7x}. See this plugin's README for the sources.
 *
 * <p>The pattern asks for a digit within the code, so that English words of the same length ("recovery",
 * "download") are not read as codes; a code of letters only is missed.
 */
@Extension
public final class NintendoAccountFormat extends LineCodeFormat {

    public NintendoAccountFormat() {
        super(
                FormatFacts.of("nintendo", "Nintendo Account")
                        .settingsPage("https://accounts.nintendo.com/")
                        .expectedCodes(10)
                        .keywords("nintendo account", "nintendo-backup-codes"),
                Pattern.compile("(?=[A-Za-z -]{0,7}\\d)[a-z0-9]{8}", Pattern.CASE_INSENSITIVE));
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
