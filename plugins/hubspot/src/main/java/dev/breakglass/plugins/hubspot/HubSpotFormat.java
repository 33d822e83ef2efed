package dev.breakglass.plugins.hubspot;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * HubSpot backup codes, shown as {@code 1234 5678}. See this plugin's README for the sources.
 */
@Extension
public final class HubSpotFormat extends LineCodeFormat {

    public HubSpotFormat() {
        super(
                FormatFacts.of("hubspot", "HubSpot")
                        .expectedCodes(10)
                        .keywords("hubspot", "hubspot-backup-codes"),
                Pattern.compile("\\d{4}[ -]?\\d{4}"));
    }

    /** Saved without separators, so that the same code typed twice in two ways is saved once. */
    @Override
    protected String canonical(String matched) {
        return matched.replaceAll("[^A-Za-z0-9]", "");
    }

    /** Shown as the app shows it. */
    @Override
    public String display(String code) {
        return code.substring(0, 4) + " " + code.substring(4);
    }
}
