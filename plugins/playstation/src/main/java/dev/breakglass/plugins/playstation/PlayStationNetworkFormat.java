package dev.breakglass.plugins.playstation;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * PlayStation Network backup codes, shown as {@code K3F92M7XP0Q4}. See this plugin's README for the sources.
 *
 * <p>The pattern asks for a digit within the code, so that English words of the same length ("recovery",
 * "download") are not read as codes; a code of letters only is missed.
 */
@Extension
public final class PlayStationNetworkFormat extends LineCodeFormat {

    public PlayStationNetworkFormat() {
        super(
                FormatFacts.of("playstation", "PlayStation Network")
                        .expectedCodes(10)
                        .keywords("playstation network", "playstation-backup-codes"),
                Pattern.compile("(?=[A-Za-z -]{0,11}\\d)[A-Z0-9]{12}", Pattern.CASE_INSENSITIVE));
    }

    /** Saved without separators, in the app's case, so that the same code typed twice in two ways is saved once. */
    @Override
    protected String canonical(String matched) {
        return matched.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
    }

    /** Shown as the app shows it. */
    @Override
    public String display(String code) {
        return code;
    }
}
