package dev.breakglass.plugins.github;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * GitHub backup codes. A set holds 16 recovery codes; each works once; generating new codes cancels the old ones. See this plugin's README for the sources.
 */
@Extension
public final class GitHubFormat extends ShapedCodeFormat {

    public GitHubFormat() {
        super(
                FormatFacts.of("github", "GitHub")
                        .appKeys("github")
                        .settingsPage("https://github.com/settings/auth/recovery-codes")
                        .expectedCodes(16)
                        .keywords("github", "github-recovery-codes"),
                CodeShape.hex(10).groups(5, 5).separator("-").savedWithSeparator());
    }
}
