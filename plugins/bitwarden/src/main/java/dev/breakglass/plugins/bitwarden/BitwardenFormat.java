package dev.breakglass.plugins.bitwarden;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Bitwarden backup codes. Bitwarden has one two-step login recovery code per account, shown under Settings > Security > Two-step login > View recovery code; using it turns off two-step login. See this plugin's README for the sources.
 */
@Extension
public final class BitwardenFormat extends LineCodeFormat {

    public BitwardenFormat() {
        super(
                FormatFacts.of("bitwarden", "Bitwarden")
                        .appKeys("bitwarden")
                        .settingsPage("https://vault.bitwarden.com/#/settings/security/two-factor")
                        .expectedCodes(1)
                        .keywords("bitwarden"),
                Pattern.compile("[A-Z0-9]{4}(?: ?[A-Z0-9]{4}){7}", Pattern.CASE_INSENSITIVE));
    }

    @Override
    protected String canonical(String matched) {
        return matched.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String display(String code) {
        return String.join(" ", code.split("(?<=\\G.{4})"));
    }
}
