package dev.breakglass.plugins.namecheap;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Namecheap backup codes, shown as {@code 12345678}. See this plugin's README for the sources.
 */
@Extension
public final class NamecheapFormat extends ShapedCodeFormat {

    public NamecheapFormat() {
        super(FormatFacts.of("namecheap", "Namecheap").keywords("namecheap"), CodeShape.digits(8));
    }
}
