package dev.breakglass.plugins.instagram;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Instagram backup codes. Instagram gives backup codes for two-factor authentication, under Accounts Center > Password and security > Two-factor authentication > Additional methods > Backup codes. See this plugin's README for the sources.
 */
@Extension
public final class InstagramFormat extends ShapedCodeFormat {

    public InstagramFormat() {
        super(
                FormatFacts.of("instagram", "Instagram")
                        .appKeys("instagram")
                        .settingsPage("https://accountscenter.instagram.com/password_and_security/two_factor/")
                        .expectedCodes(5)
                        .keywords("instagram"),
                CodeShape.digits(8).groups(4, 4).separator(" "));
    }
}
