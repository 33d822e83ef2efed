package dev.breakglass.plugins.figma;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Figma backup codes, shown as {@code k3f92-m7xp0}. See this plugin's README for the sources.
 */
@Extension
public final class FigmaFormat extends ShapedCodeFormat {

    public FigmaFormat() {
        super(
                FormatFacts.of("figma", "Figma").keywords("figma"),
                CodeShape.lettersAndDigits(10).groups(5, 5).separator("-"));
    }
}
