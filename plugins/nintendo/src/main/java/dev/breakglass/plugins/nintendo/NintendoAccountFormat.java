package dev.breakglass.plugins.nintendo;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Nintendo Account backup codes, shown as {@code k3f92m7x}. See this plugin's README for the sources.
 *
 * <p>A pattern rather than a {@code CodeShape}: the shape's guard against English words lets "Nintendo" itself
 * through as an 8-character code, so this pattern asks for a digit within the code instead (a code of letters only is
 * missed).
 */
@Extension
public final class NintendoAccountFormat extends LineCodeFormat {

    public NintendoAccountFormat() {
        super(
                FormatFacts.of("nintendo", "Nintendo Account")
                        .settingsPage("https://accounts.nintendo.com/")
                        .expectedCodes(10)
                        .keywords("nintendo"),
                Pattern.compile("(?=[a-z]{0,7}[0-9])[a-z0-9]{8}", Pattern.CASE_INSENSITIVE));
    }

    /** Saved in lower case, so that a code retyped in capitals is the same code. */
    @Override
    protected String canonical(String matched) {
        return matched.toLowerCase(Locale.ROOT);
    }
}
