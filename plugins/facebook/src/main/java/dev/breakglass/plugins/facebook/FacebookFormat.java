package dev.breakglass.plugins.facebook;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Facebook backup codes. Facebook's two-factor settings offer recovery codes, each usable once, from the Accounts Center. See this plugin's README for the sources.
 */
@Extension
public final class FacebookFormat extends LineCodeFormat {

    public FacebookFormat() {
        super(
                FormatFacts.of("facebook", "Facebook")
                        .appKeys("facebook", "meta")
                        .settingsPage("https://accountscenter.facebook.com/password_and_security/two_factor")
                        .expectedCodes(10)
                        .keywords("facebook", "meta accounts center"),
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
