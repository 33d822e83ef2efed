package dev.breakglass.plugins.slack;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Slack backup codes. Slack gives backup codes when two-factor authentication is set up; each works once, and they stay available on the Account page. See this plugin's README for the sources.
 */
@Extension
public final class SlackFormat extends ShapedCodeFormat {

    public SlackFormat() {
        super(
                FormatFacts.of("slack", "Slack")
                        .appKeys("slack")
                        .settingsPage("https://my.slack.com/account/settings#two_factor")
                        .expectedCodes(10)
                        .keywords("slack"),
                CodeShape.digits(8).groups(4, 4).separator(" "));
    }
}
