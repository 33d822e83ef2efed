package dev.breakglass.plugins.namecheap;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Namecheap backup codes, shown as {@code 12345678}. See this plugin's README for the sources.
 */
@Extension
public final class NamecheapFormat extends LineCodeFormat {

    public NamecheapFormat() {
        super(
                FormatFacts.of("namecheap", "Namecheap")
                        .keywords("namecheap", "namecheap-backup-codes"),
                Pattern.compile("\\d{8}"));
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
