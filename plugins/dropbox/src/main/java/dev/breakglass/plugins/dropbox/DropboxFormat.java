package dev.breakglass.plugins.dropbox;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Dropbox backup codes. Before two-step verification is turned on, Dropbox hands out ten 8-digit backup codes. See this plugin's README for the sources.
 */
@Extension
public final class DropboxFormat extends LineCodeFormat {

    public DropboxFormat() {
        super(
                FormatFacts.of("dropbox", "Dropbox")
                        .appKeys("dropbox")
                        .settingsPage("https://www.dropbox.com/account/security")
                        .expectedCodes(10)
                        .keywords("dropbox"),
                Pattern.compile("\\d{4}[ -]?\\d{4}"));
    }

    @Override
    protected String canonical(String matched) {
        return matched.replaceAll("[ -]", "");
    }

    @Override
    public String display(String code) {
        return code.substring(0, 4) + " " + code.substring(4);
    }
}
