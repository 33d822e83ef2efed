package dev.breakglass.plugins.facebook;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Facebook backup codes. Facebook's two-factor settings offer recovery codes, each usable once, from the Accounts Center. See this plugin's README for the sources.
 */
@Extension
public final class FacebookFormat extends ShapedCodeFormat {

    public FacebookFormat() {
        super(
                FormatFacts.of("facebook", "Facebook")
                        .appKeys("facebook", "meta")
                        .settingsPage("https://accountscenter.facebook.com/password_and_security/two_factor")
                        .expectedCodes(10)
                        .keywords("facebook", "meta accounts center"),
                CodeShape.digits(8).groups(4, 4).separator(" "));
    }
}
