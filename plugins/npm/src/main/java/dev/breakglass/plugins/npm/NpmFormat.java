package dev.breakglass.plugins.npm;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * npm backup codes: npm shows recovery codes after two-factor authentication is enabled; each works once, and they can be viewed and regenerated from the 2FA settings page. See this plugin's README for the sources.
 */
@Extension
public final class NpmFormat extends LineCodeFormat {

    public NpmFormat() {
        super(
                FormatFacts.of("npm", "npm")
                        .appKeys("npm", "npmjs")
                        .settingsPage("https://www.npmjs.com/settings/~/tfa")
                        .expectedCodes(5)
                        .keywords("npm", "npmjs"),
                Pattern.compile("[0-9a-f]{64}", Pattern.CASE_INSENSITIVE));
    }

    @Override
    protected String canonical(String matched) {
        return matched.toLowerCase(Locale.ROOT);
    }
}
