package dev.breakglass.plugins.digitalocean;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * DigitalOcean backup codes, shown as {@code k3f9 2m7x}. See this plugin's README for the sources.
 *
 * <p>The pattern asks for a digit within the code, so that English words of the same length ("recovery",
 * "download") are not read as codes; a code of letters only is missed.
 */
@Extension
public final class DigitalOceanFormat extends LineCodeFormat {

    public DigitalOceanFormat() {
        super(
                FormatFacts.of("digitalocean", "DigitalOcean")
                        .settingsPage("https://cloud.digitalocean.com/account/security")
                        .keywords("digitalocean", "digitalocean-backup-codes"),
                Pattern.compile("(?=[A-Za-z -]{0,8}\\d)[a-z0-9]{4}[ -]?[a-z0-9]{4}", Pattern.CASE_INSENSITIVE));
    }

    /** Saved without separators, in the app's case, so that the same code typed twice in two ways is saved once. */
    @Override
    protected String canonical(String matched) {
        return matched.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** Shown as the app shows it. */
    @Override
    public String display(String code) {
        return code.substring(0, 4) + " " + code.substring(4);
    }
}
