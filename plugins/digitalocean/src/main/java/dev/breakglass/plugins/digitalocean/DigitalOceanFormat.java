package dev.breakglass.plugins.digitalocean;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * DigitalOcean backup codes, shown as {@code k3f9 2m7x}. See this plugin's README for the sources.
 */
@Extension
public final class DigitalOceanFormat extends ShapedCodeFormat {

    public DigitalOceanFormat() {
        super(
                FormatFacts.of("digitalocean", "DigitalOcean")
                        .settingsPage("https://cloud.digitalocean.com/account/security")
                        .keywords("digitalocean", "digitalocean_backupcodes"),
                CodeShape.lettersAndDigits(8).groups(4, 4).separator(" "));
    }
}
