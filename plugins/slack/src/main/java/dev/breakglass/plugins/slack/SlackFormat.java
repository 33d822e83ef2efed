package dev.breakglass.plugins.slack;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Slack backup codes. Slack gives backup codes when two-factor authentication is set up; each works once, and they stay available on the Account page. See this plugin's README for the sources.
 */
@Extension
public final class SlackFormat extends LineCodeFormat {

    public SlackFormat() {
        super(
                FormatFacts.of("slack", "Slack")
                        .appKeys("slack")
                        .settingsPage("https://my.slack.com/account/settings#two_factor")
                        .expectedCodes(10)
                        .keywords("slack"),
                Pattern.compile("\\d{4}[ -]?\\d{4}"));
    }

    @Override
    protected String canonical(String matched) {
        return matched.replaceAll("[ -]", "");
    }

    @Override
    public String display(String code) {
        return code.substring(0, 4) + " " + code.substring(4);
    }
}
