package dev.breakglass.plugins.atlassian;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * The Atlassian account (Jira, Confluence, Bitbucket): no list of backup codes but a single emergency
 * recovery key, replaced by a new one once used. The key is read as 24 letters and digits with at least one digit;
 * spaces or dashes between groups of four are tolerated and dropped, the case is kept. See this plugin's README for
 * the sources and what is inferred.
 */
@Extension
public final class AtlassianFormat extends ShapedCodeFormat {

    public AtlassianFormat() {
        super(
                FormatFacts.of("atlassian", "Atlassian")
                        .appKeys("atlassian", "jira", "confluence", "bitbucket")
                        .settingsPage("https://id.atlassian.com/manage-profile/security")
                        .expectedCodes(1)
                        .keywords("atlassian", "jira", "confluence", "bitbucket", "emergency recovery key"),
                CodeShape.lettersAndDigits(24).groups(4, 4, 4, 4, 4, 4).caseKept());
    }
}
