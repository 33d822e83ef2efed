package dev.breakglass.plugins.epicgames;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Epic Games backup codes, shown as {@code K3F92M7X}. See this plugin's README for the sources.
 */
@Extension
public final class EpicGamesFormat extends ShapedCodeFormat {

    public EpicGamesFormat() {
        super(
                FormatFacts.of("epic-games", "Epic Games")
                        .settingsPage("https://www.epicgames.com/account/password")
                        .expectedCodes(10)
                        .keywords("epic games", "epic-games", "fortnite"),
                CodeShape.lettersAndDigits(8).upperCase());
    }
}
