package dev.breakglass.plugins.x;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * X (Twitter) backup codes. X shows one backup code at a time under Settings > Security > Two-factor authentication > Backup codes; getting a new one cancels the old. See this plugin's README for the sources.
 */
@Extension
public final class XFormat extends ShapedCodeFormat {

    public XFormat() {
        super(
                FormatFacts.of("x", "X (Twitter)")
                        .appKeys("x", "twitter")
                        .settingsPage("https://x.com/settings/account/login_verification")
                        .expectedCodes(1)
                        .keywords("twitter", "x.com", "backup code for x"),
                CodeShape.lettersAndDigits(12));
    }
}
