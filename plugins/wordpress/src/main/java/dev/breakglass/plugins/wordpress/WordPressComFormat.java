package dev.breakglass.plugins.wordpress;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * WordPress.com backup codes, shown as {@code 12345678}. See this plugin's README for the sources.
 */
@Extension
public final class WordPressComFormat extends ShapedCodeFormat {

    public WordPressComFormat() {
        super(
                FormatFacts.of("wordpress", "WordPress.com")
                        .settingsPage("https://wordpress.com/me/security/two-step")
                        .expectedCodes(10)
                        .keywords("wordpress.com", "wordpress"),
                CodeShape.digits(8));
    }
}
