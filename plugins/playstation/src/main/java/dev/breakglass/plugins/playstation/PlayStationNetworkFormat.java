package dev.breakglass.plugins.playstation;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * PlayStation Network backup codes, shown as {@code K3F92M7XP0Q4}. See this plugin's README for the sources.
 */
@Extension
public final class PlayStationNetworkFormat extends ShapedCodeFormat {

    public PlayStationNetworkFormat() {
        super(
                FormatFacts.of("playstation", "PlayStation Network")
                        .expectedCodes(10)
                        .keywords("playstation", "psn", "playstation network"),
                CodeShape.lettersAndDigits(12).upperCase());
    }
}
