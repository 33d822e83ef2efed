package dev.breakglass.plugins.snapchat;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * The Snapchat recovery code, shown as {@code k3f92m7xp0q4a8d2}. See this plugin's README for the sources.
 */
@Extension
public final class SnapchatFormat extends ShapedCodeFormat {

    public SnapchatFormat() {
        super(
                FormatFacts.of("snapchat", "Snapchat").expectedCodes(1).keywords("snapchat"),
                CodeShape.lettersAndDigits(16));
    }
}
