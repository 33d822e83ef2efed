package dev.breakglass.plugins.figma;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Figma backup codes, shown as {@code k3f92-m7xp0}. See this plugin's README for the sources.
 *
 * <p>The pattern asks for a digit within the code, so that English words of the same length ("recovery",
 * "download") are not read as codes; a code of letters only is missed.
 */
@Extension
public final class FigmaFormat extends LineCodeFormat {

    public FigmaFormat() {
        super(
                FormatFacts.of("figma", "Figma")
                        .keywords("figma", "figma-backup-codes"),
                Pattern.compile("(?=[A-Za-z -]{0,10}\\d)[a-z0-9]{5}[ -]?[a-z0-9]{5}", Pattern.CASE_INSENSITIVE));
    }

    /** Saved without separators, in the app's case, so that the same code typed twice in two ways is saved once. */
    @Override
    protected String canonical(String matched) {
        return matched.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** Shown as the app shows it. */
    @Override
    public String display(String code) {
        return code.substring(0, 5) + "-" + code.substring(5);
    }
}
