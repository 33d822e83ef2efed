package dev.breakglass.plugins.reddit;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Reddit two-factor authentication backup codes: a set of ten one-time codes; generating a new set cancels the old
 * one. Each code is read as six digits standing alone (not part of a longer number). See this plugin's README for the
 * sources and what is inferred.
 */
@Extension
public final class RedditFormat extends ShapedCodeFormat {

    public RedditFormat() {
        super(
                FormatFacts.of("reddit", "Reddit")
                        .appKeys("reddit")
                        .settingsPage("https://www.reddit.com/settings/account")
                        .expectedCodes(10)
                        .keywords("reddit"),
                CodeShape.digits(6));
    }
}
