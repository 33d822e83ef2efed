package dev.breakglass.plugins.zoho;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Zoho backup codes, shown as {@code 123456789012}. See this plugin's README for the sources.
 */
@Extension
public final class ZohoFormat extends ShapedCodeFormat {

    public ZohoFormat() {
        super(
                FormatFacts.of("zoho", "Zoho")
                        .settingsPage("https://accounts.zoho.com/")
                        .expectedCodes(5)
                        .keywords("zoho", "backup verification codes"),
                CodeShape.digits(12));
    }
}
