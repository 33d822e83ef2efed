package dev.breakglass.plugins.linkedin;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * LinkedIn two-step verification recovery codes: a list of one-time codes LinkedIn offers to copy once two-step
 * verification is on. Each code is read as eight digits (a space or dash between the two halves is tolerated and
 * dropped). The number of codes per set is not documented, so none is expected. See this plugin's README for the
 * sources and what is inferred.
 */
@Extension
public final class LinkedInFormat extends ShapedCodeFormat {

    public LinkedInFormat() {
        super(
                FormatFacts.of("linkedin", "LinkedIn")
                        .appKeys("linkedin")
                        .settingsPage("https://www.linkedin.com/mypreferences/d/two-factor-authentication")
                        .keywords("linkedin", "linked in"),
                CodeShape.digits(8).groups(4, 4));
    }
}
