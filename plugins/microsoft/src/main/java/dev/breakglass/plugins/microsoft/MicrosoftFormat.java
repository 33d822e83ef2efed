package dev.breakglass.plugins.microsoft;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Microsoft backup codes. A personal Microsoft account has one recovery code of 25 characters; creating a new one cancels the old one. See this plugin's README for the sources.
 */
@Extension
public final class MicrosoftFormat extends LineCodeFormat {

    public MicrosoftFormat() {
        super(
                FormatFacts.of("microsoft", "Microsoft")
                        .appKeys("microsoft", "microsoft-365", "outlook", "xbox")
                        .settingsPage("https://account.live.com/proofs/manage/additional")
                        .expectedCodes(1)
                        .keywords("microsoft", "outlook.com", "hotmail", "xbox", "microsoft account"),
                Pattern.compile("[A-Z0-9]{5}(?:[- ]?[A-Z0-9]{5}){4}", Pattern.CASE_INSENSITIVE));
    }

    @Override
    protected String canonical(String matched) {
        return String.join(
                "-", matched.toUpperCase(Locale.ROOT).replaceAll("[- ]", "").split("(?<=\\G.{5})"));
    }
}
