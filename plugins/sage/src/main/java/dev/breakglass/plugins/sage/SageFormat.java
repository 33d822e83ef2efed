package dev.breakglass.plugins.sage;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Sage's 2-factor recovery key (Sage ID), one at a time, shown in Sage's help as {@code VNDS - 79KB - 7JAJ - QNKA -
 * F5F7 - YUPX}. See this plugin's README for the sources.
 */
@Extension
public final class SageFormat extends ShapedCodeFormat {

    public SageFormat() {
        super(
                FormatFacts.of("sage", "Sage").expectedCodes(1).keywords("sage", "sage id"),
                CodeShape.lettersAndDigits(24)
                        .groups(4, 4, 4, 4, 4, 4)
                        .separator("-")
                        .upperCase());
    }
}
