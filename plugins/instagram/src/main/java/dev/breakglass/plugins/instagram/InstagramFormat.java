package dev.breakglass.plugins.instagram;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Instagram backup codes. Instagram gives backup codes for two-factor authentication, under Accounts Center > Password and security > Two-factor authentication > Additional methods > Backup codes. See this plugin's README for the sources.
 */
@Extension
public final class InstagramFormat extends LineCodeFormat {

    public InstagramFormat() {
        super(
                FormatFacts.of("instagram", "Instagram")
                        .appKeys("instagram")
                        .settingsPage("https://accountscenter.instagram.com/password_and_security/two_factor/")
                        .expectedCodes(5)
                        .keywords("instagram"),
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
