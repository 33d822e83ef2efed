package dev.breakglass.plugins.cloudflare;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Cloudflare backup codes. Cloudflare gives backup codes when two-factor authentication is set up, under My Profile > Authentication; each code works once. See this plugin's README for the sources.
 */
@Extension
public final class CloudflareFormat extends LineCodeFormat {

    public CloudflareFormat() {
        super(
                FormatFacts.of("cloudflare", "Cloudflare")
                        .appKeys("cloudflare")
                        .settingsPage("https://dash.cloudflare.com/profile/authentication")
                        .expectedCodes(10)
                        .keywords("cloudflare"),
                Pattern.compile("(?=[a-z0-9-]{0,19}[0-9])[a-z0-9]{4}(?:-[a-z0-9]{4}){3}", Pattern.CASE_INSENSITIVE));
    }

    @Override
    protected String canonical(String matched) {
        return matched.toLowerCase(Locale.ROOT);
    }
}
