package dev.breakglass.plugins.apple;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Apple Account backup codes. Apple has no backup codes; the equivalent is one 28-character Recovery Key, which replaces account recovery. See this plugin's README for the sources.
 */
@Extension
public final class AppleFormat extends ShapedCodeFormat {

    public AppleFormat() {
        super(
                FormatFacts.of("apple", "Apple Account")
                        .appKeys("apple", "icloud")
                        .settingsPage("https://account.apple.com/account/manage")
                        .expectedCodes(1)
                        .keywords("apple", "icloud", "apple account", "apple id"),
                CodeShape.lettersAndDigits(28)
                        .groups(4, 4, 4, 4, 4, 4, 4)
                        .separator("-")
                        .savedWithSeparator()
                        .upperCase());
    }
}
