package dev.breakglass.plugins.wordpress;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * WordPress.com backup codes, shown as {@code 12345678}. See this plugin's README for the sources.
 */
@Extension
public final class WordPressComFormat extends LineCodeFormat {

    public WordPressComFormat() {
        super(
                FormatFacts.of("wordpress", "WordPress.com")
                        .settingsPage("https://wordpress.com/me/security/two-step")
                        .expectedCodes(10)
                        .keywords("wordpress.com", "wordpress-backup-codes"),
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
