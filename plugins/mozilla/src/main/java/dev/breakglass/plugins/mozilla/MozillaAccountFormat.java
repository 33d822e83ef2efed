package dev.breakglass.plugins.mozilla;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Mozilla account backup codes, shown as {@code k3f92m7xp0}. See this plugin's README for the sources.
 */
@Extension
public final class MozillaAccountFormat extends ShapedCodeFormat {

    public MozillaAccountFormat() {
        super(
                FormatFacts.of("mozilla", "Mozilla account")
                        .settingsPage("https://accounts.firefox.com/settings")
                        .keywords("mozilla", "firefox account", "backup authentication codes"),
                CodeShape.lettersAndDigits(10));
    }
}
