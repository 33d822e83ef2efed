package dev.breakglass.plugins.gitlab;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * GitLab backup codes. GitLab shows ten recovery codes when two-factor authentication is enabled, and can download them as `gitlab-recovery-codes.txt`. See this plugin's README for the sources.
 */
@Extension
public final class GitLabFormat extends LineCodeFormat {

    public GitLabFormat() {
        super(
                FormatFacts.of("gitlab", "GitLab")
                        .appKeys("gitlab")
                        .settingsPage("https://gitlab.com/-/user_settings/two_factor_auth")
                        .expectedCodes(10)
                        .keywords("gitlab", "gitlab-recovery-codes"),
                Pattern.compile("[0-9a-f]{16}", Pattern.CASE_INSENSITIVE));
    }

    @Override
    protected String canonical(String matched) {
        return matched.toLowerCase(Locale.ROOT);
    }
}
