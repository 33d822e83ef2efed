package dev.breakglass.plugins.bitwarden;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Bitwarden backup codes. Bitwarden has one two-step login recovery code per account, shown under Settings > Security > Two-step login > View recovery code; using it turns off two-step login. See this plugin's README for the sources.
 */
@Extension
public final class BitwardenFormat extends ShapedCodeFormat {

    public BitwardenFormat() {
        super(
                FormatFacts.of("bitwarden", "Bitwarden")
                        .appKeys("bitwarden")
                        .settingsPage("https://vault.bitwarden.com/#/settings/security/two-factor")
                        .expectedCodes(1)
                        .keywords("bitwarden"),
                CodeShape.lettersAndDigits(32)
                        .groups(4, 4, 4, 4, 4, 4, 4, 4)
                        .separator(" ")
                        .upperCase());
    }
}
