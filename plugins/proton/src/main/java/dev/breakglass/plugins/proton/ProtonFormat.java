package dev.breakglass.plugins.proton;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Proton backup codes. When 2FA is set up Proton provides "several one-time use recovery codes", entered instead of the 6-digit authenticator code. See this plugin's README for the sources.
 */
@Extension
public final class ProtonFormat extends LineCodeFormat {

    public ProtonFormat() {
        super(
                FormatFacts.of("proton", "Proton")
                        .appKeys("proton", "protonmail")
                        .settingsPage("https://account.proton.me/u/0/mail/account-password")
                        .keywords("proton", "proton mail", "protonmail"),
                Pattern.compile("(?=[a-z0-9]{0,7}[0-9])[a-z0-9]{8}", Pattern.CASE_INSENSITIVE));
    }

    @Override
    protected String canonical(String matched) {
        return matched.toLowerCase(Locale.ROOT);
    }
}
