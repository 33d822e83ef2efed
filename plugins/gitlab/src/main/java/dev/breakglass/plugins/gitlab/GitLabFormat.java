package dev.breakglass.plugins.gitlab;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * GitLab backup codes. GitLab shows ten recovery codes when two-factor authentication is enabled, and can download them as `gitlab-recovery-codes.txt`. See this plugin's README for the sources.
 */
@Extension
public final class GitLabFormat extends ShapedCodeFormat {

    public GitLabFormat() {
        super(
                FormatFacts.of("gitlab", "GitLab")
                        .appKeys("gitlab")
                        .settingsPage("https://gitlab.com/-/user_settings/two_factor_auth")
                        .expectedCodes(10)
                        .keywords("gitlab", "gitlab-recovery-codes"),
                CodeShape.hex(16));
    }
}
