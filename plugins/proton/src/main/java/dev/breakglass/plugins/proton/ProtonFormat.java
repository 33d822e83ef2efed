package dev.breakglass.plugins.proton;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Proton backup codes. When 2FA is set up Proton provides "several one-time use recovery codes", entered instead of the 6-digit authenticator code. See this plugin's README for the sources.
 */
@Extension
public final class ProtonFormat extends ShapedCodeFormat {

    public ProtonFormat() {
        super(
                FormatFacts.of("proton", "Proton")
                        .appKeys("proton", "protonmail")
                        .settingsPage("https://account.proton.me/u/0/mail/account-password")
                        .keywords("proton", "proton mail", "protonmail"),
                CodeShape.lettersAndDigits(8));
    }
}
