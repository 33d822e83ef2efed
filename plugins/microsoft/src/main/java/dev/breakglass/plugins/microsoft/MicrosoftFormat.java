package dev.breakglass.plugins.microsoft;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Microsoft backup codes. A personal Microsoft account has one recovery code of 25 characters; creating a new one cancels the old one. See this plugin's README for the sources.
 */
@Extension
public final class MicrosoftFormat extends ShapedCodeFormat {

    public MicrosoftFormat() {
        super(
                FormatFacts.of("microsoft", "Microsoft")
                        .appKeys("microsoft", "microsoft-365", "outlook", "xbox")
                        .settingsPage("https://account.live.com/proofs/manage/additional")
                        .expectedCodes(1)
                        .keywords("microsoft", "outlook.com", "hotmail", "xbox", "microsoft account"),
                CodeShape.lettersAndDigits(25)
                        .groups(5, 5, 5, 5, 5)
                        .separator("-")
                        .savedWithSeparator()
                        .upperCase());
    }
}
