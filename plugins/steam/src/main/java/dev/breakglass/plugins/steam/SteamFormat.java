package dev.breakglass.plugins.steam;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * The Steam Guard recovery code: one code, the letter R and five digits, such as {@code R12345}, shown when the mobile
 * authenticator is set up. See this plugin's README for the sources.
 */
@Extension
public final class SteamFormat extends LineCodeFormat {

    public SteamFormat() {
        super(
                FormatFacts.of("steam", "Steam")
                        .settingsPage("https://store.steampowered.com/twofactor/manage")
                        .expectedCodes(1)
                        .keywords("steam", "steam guard", "steamguard"),
                Pattern.compile("R\\d{5}", Pattern.CASE_INSENSITIVE));
    }

    /** Saved with a capital R, as Steam shows it, so that {@code r12345} typed by hand is the same code. */
    @Override
    protected String canonical(String matched) {
        return matched.toUpperCase(Locale.ROOT);
    }

    /** Shown as the app shows it. */
    @Override
    public String display(String code) {
        return code;
    }
}
