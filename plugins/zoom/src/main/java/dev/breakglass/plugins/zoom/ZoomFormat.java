package dev.breakglass.plugins.zoom;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Zoom backup codes. Zoom added recovery codes to two-factor authentication; they can be downloaded or printed from the profile page, and each works once. See this plugin's README for the sources.
 */
@Extension
public final class ZoomFormat extends ShapedCodeFormat {

    public ZoomFormat() {
        super(
                FormatFacts.of("zoom", "Zoom")
                        .appKeys("zoom")
                        .settingsPage("https://zoom.us/profile")
                        .expectedCodes(10)
                        .keywords("zoom"),
                CodeShape.lettersAndDigits(8).upperCase());
    }
}
