package dev.breakglass.plugins.apple;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Apple Account backup codes. Apple has no backup codes; the equivalent is one 28-character Recovery Key, which replaces account recovery. See this plugin's README for the sources.
 */
@Extension
public final class AppleFormat extends LineCodeFormat {

    public AppleFormat() {
        super(
                FormatFacts.of("apple", "Apple Account")
                        .appKeys("apple", "icloud")
                        .settingsPage("https://account.apple.com/account/manage")
                        .expectedCodes(1)
                        .keywords("apple", "icloud", "apple account", "apple id"),
                Pattern.compile("[A-Z0-9]{4}(?:-[A-Z0-9]{4}){6}", Pattern.CASE_INSENSITIVE));
    }

    @Override
    protected String canonical(String matched) {
        return matched.toUpperCase(Locale.ROOT);
    }
}
