package dev.breakglass.plugins.dropbox;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Dropbox backup codes. Before two-step verification is turned on, Dropbox hands out ten 8-digit backup codes. See this plugin's README for the sources.
 */
@Extension
public final class DropboxFormat extends ShapedCodeFormat {

    public DropboxFormat() {
        super(
                FormatFacts.of("dropbox", "Dropbox")
                        .appKeys("dropbox")
                        .settingsPage("https://www.dropbox.com/account/security")
                        .expectedCodes(10)
                        .keywords("dropbox"),
                CodeShape.digits(8).groups(4, 4).separator(" "));
    }
}
