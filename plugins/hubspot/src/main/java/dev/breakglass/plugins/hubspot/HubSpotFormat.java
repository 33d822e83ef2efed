package dev.breakglass.plugins.hubspot;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * HubSpot backup codes, shown as {@code 1234 5678}. See this plugin's README for the sources.
 */
@Extension
public final class HubSpotFormat extends ShapedCodeFormat {

    public HubSpotFormat() {
        super(
                FormatFacts.of("hubspot", "HubSpot").expectedCodes(10).keywords("hubspot", "backupcodes"),
                CodeShape.digits(8).groups(4, 4).separator(" "));
    }
}
