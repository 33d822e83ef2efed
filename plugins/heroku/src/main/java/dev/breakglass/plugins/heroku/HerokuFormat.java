package dev.breakglass.plugins.heroku;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Heroku backup codes. Heroku offers recovery codes for multi-factor authentication; generating new ones invalidates existing codes (Platform API `POST /account/recovery-codes`). See this plugin's README for the sources.
 */
@Extension
public final class HerokuFormat extends LineCodeFormat {

    public HerokuFormat() {
        super(
                FormatFacts.of("heroku", "Heroku")
                        .appKeys("heroku")
                        .settingsPage("https://dashboard.heroku.com/account")
                        .expectedCodes(10)
                        .keywords("heroku"),
                Pattern.compile("[0-9a-f]{16}", Pattern.CASE_INSENSITIVE));
    }

    @Override
    protected String canonical(String matched) {
        return matched.toLowerCase(Locale.ROOT);
    }
}
