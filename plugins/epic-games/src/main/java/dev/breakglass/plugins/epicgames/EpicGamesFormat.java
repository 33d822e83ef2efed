package dev.breakglass.plugins.epicgames;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Epic Games backup codes, shown as {@code K3F92M7X}. See this plugin's README for the sources.
 *
 * <p>The pattern asks for a digit within the code, so that English words of the same length ("recovery",
 * "download") are not read as codes; a code of letters only is missed.
 */
@Extension
public final class EpicGamesFormat extends LineCodeFormat {

    public EpicGamesFormat() {
        super(
                FormatFacts.of("epic-games", "Epic Games")
                        .settingsPage("https://www.epicgames.com/account/password")
                        .expectedCodes(10)
                        .keywords("epic games", "epic-games-backup-codes"),
                Pattern.compile("(?=[A-Za-z -]{0,7}\\d)[A-Z0-9]{8}", Pattern.CASE_INSENSITIVE));
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
