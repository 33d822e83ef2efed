package dev.breakglass.plugins.x;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * X (Twitter) backup codes. X shows one backup code at a time under Settings > Security > Two-factor authentication > Backup codes; getting a new one cancels the old. See this plugin's README for the sources.
 */
@Extension
public final class XFormat extends LineCodeFormat {

    public XFormat() {
        super(
                FormatFacts.of("x", "X (Twitter)")
                        .appKeys("x", "twitter")
                        .settingsPage("https://x.com/settings/account/login_verification")
                        .expectedCodes(1)
                        .keywords("twitter", "x.com", "backup code for x"),
                Pattern.compile(
                        "(?=[a-z0-9]{0,11}[0-9])(?=[a-z0-9]{0,11}[a-z])[a-z0-9]{12}", Pattern.CASE_INSENSITIVE));
    }

    @Override
    protected String canonical(String matched) {
        return matched.toLowerCase(Locale.ROOT);
    }
}
