package dev.breakglass.plugins.notion;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Notion backup codes, shown as {@code k3f9-2m7x-p0q4}. See this plugin's README for the sources.
 */
@Extension
public final class NotionFormat extends ShapedCodeFormat {

    public NotionFormat() {
        super(
                FormatFacts.of("notion", "Notion").keywords("notion"),
                CodeShape.lettersAndDigits(12).groups(4, 4, 4).separator("-"));
    }
}
