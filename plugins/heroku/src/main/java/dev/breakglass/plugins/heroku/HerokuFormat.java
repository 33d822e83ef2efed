package dev.breakglass.plugins.heroku;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Heroku backup codes. Heroku offers recovery codes for multi-factor authentication; generating new ones invalidates existing codes (Platform API `POST /account/recovery-codes`). See this plugin's README for the sources.
 */
@Extension
public final class HerokuFormat extends ShapedCodeFormat {

    public HerokuFormat() {
        super(
                FormatFacts.of("heroku", "Heroku")
                        .appKeys("heroku")
                        .settingsPage("https://dashboard.heroku.com/account")
                        .expectedCodes(10)
                        .keywords("heroku"),
                CodeShape.hex(16));
    }
}
