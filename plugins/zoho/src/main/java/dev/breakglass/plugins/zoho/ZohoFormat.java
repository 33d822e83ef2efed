package dev.breakglass.plugins.zoho;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Zoho backup codes, shown as {@code 123456789012}. See this plugin's README for the sources.
 */
@Extension
public final class ZohoFormat extends LineCodeFormat {

    public ZohoFormat() {
        super(
                FormatFacts.of("zoho", "Zoho")
                        .settingsPage("https://accounts.zoho.com/")
                        .expectedCodes(5)
                        .keywords("zoho", "zoho-backup-codes"),
                Pattern.compile("\\d{12}"));
    }

    /** Saved without separators, so that the same code typed twice in two ways is saved once. */
    @Override
    protected String canonical(String matched) {
        return matched.replaceAll("[^A-Za-z0-9]", "");
    }

    /** Shown as the app shows it. */
    @Override
    public String display(String code) {
        return code;
    }
}
