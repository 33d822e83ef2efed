package dev.breakglass.plugins.github;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * GitHub backup codes. A set holds 16 recovery codes; each works once; generating new codes cancels the old ones. See this plugin's README for the sources.
 */
@Extension
public final class GitHubFormat extends LineCodeFormat {

    public GitHubFormat() {
        super(
                FormatFacts.of("github", "GitHub")
                        .appKeys("github")
                        .settingsPage("https://github.com/settings/auth/recovery-codes")
                        .expectedCodes(16)
                        .keywords("github", "github-recovery-codes"),
                Pattern.compile("[0-9a-f]{5}-[0-9a-f]{5}", Pattern.CASE_INSENSITIVE));
    }

    @Override
    protected String canonical(String matched) {
        return matched.toLowerCase(Locale.ROOT);
    }
}
