package dev.breakglass.plugins.npm;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * npm backup codes: npm shows recovery codes after two-factor authentication is enabled; each works once, and they can be viewed and regenerated from the 2FA settings page. See this plugin's README for the sources.
 */
@Extension
public final class NpmFormat extends ShapedCodeFormat {

    public NpmFormat() {
        super(
                FormatFacts.of("npm", "npm")
                        .appKeys("npm", "npmjs")
                        .settingsPage("https://www.npmjs.com/settings/~/tfa")
                        .expectedCodes(5)
                        .keywords("npm", "npmjs"),
                CodeShape.hex(64));
    }
}
