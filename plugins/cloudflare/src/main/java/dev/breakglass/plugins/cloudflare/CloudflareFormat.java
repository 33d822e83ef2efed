package dev.breakglass.plugins.cloudflare;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Cloudflare backup codes. Cloudflare gives backup codes when two-factor authentication is set up, under My Profile > Authentication; each code works once. See this plugin's README for the sources.
 */
@Extension
public final class CloudflareFormat extends ShapedCodeFormat {

    public CloudflareFormat() {
        super(
                FormatFacts.of("cloudflare", "Cloudflare")
                        .appKeys("cloudflare")
                        .settingsPage("https://dash.cloudflare.com/profile/authentication")
                        .expectedCodes(10)
                        .keywords("cloudflare"),
                CodeShape.lettersAndDigits(16).groups(4, 4, 4, 4).separator("-").savedWithSeparator());
    }
}
