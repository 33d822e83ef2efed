package dev.breakglass.plugins.nintendo;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Nintendo Account backup codes, shown as {@code k3f92m7x}. See this plugin's README for the sources.
 *
 * <p>A {@code CodeShape}: its guard against words keeps "Nintendo" itself (8 letters, like a code) out, because a
 * shape never reads the app's own name as a code, and a code of letters only is still read.
 */
@Extension
public final class NintendoAccountFormat extends ShapedCodeFormat {

    public NintendoAccountFormat() {
        super(
                FormatFacts.of("nintendo", "Nintendo Account")
                        .settingsPage("https://accounts.nintendo.com/")
                        .expectedCodes(10)
                        .keywords("nintendo"),
                CodeShape.lettersAndDigits(8));
    }
}
