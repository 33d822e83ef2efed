package dev.breakglass.plugins.tuta;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * The Tuta Mail recovery code: one key of 64 hexadecimal characters in 16 groups of four, such as
 * {@code 4283 fefc 63f0 ...}. See this plugin's README for the sources.
 */
@Extension
public final class TutaMailFormat extends ShapedCodeFormat {

    public TutaMailFormat() {
        super(
                FormatFacts.of("tuta", "Tuta Mail").expectedCodes(1).keywords("tuta", "tutanota", "recovery code"),
                CodeShape.hex(64)
                        .groups(4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)
                        .separator(" "));
    }
}
