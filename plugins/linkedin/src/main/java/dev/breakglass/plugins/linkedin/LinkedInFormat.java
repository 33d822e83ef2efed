package dev.breakglass.plugins.linkedin;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * LinkedIn two-step verification recovery codes: a list of one-time codes LinkedIn offers to copy once two-step
 * verification is on. Each code is read as eight digits (a space or dash between the two halves is tolerated and
 * dropped). The number of codes per set is not documented, so none is expected. See this plugin's README for the
 * sources and what is inferred.
 */
@Extension
public final class LinkedInFormat extends LineCodeFormat {

    public LinkedInFormat() {
        super(
                FormatFacts.of("linkedin", "LinkedIn")
                        .appKeys("linkedin")
                        .settingsPage("https://www.linkedin.com/mypreferences/d/two-factor-authentication")
                        .keywords("linkedin", "linked in"),
                Pattern.compile("[0-9]{4}[ -]?[0-9]{4}"));
    }

    @Override
    protected String canonical(String matched) {
        return matched.replaceAll("[ -]", "");
    }
}
