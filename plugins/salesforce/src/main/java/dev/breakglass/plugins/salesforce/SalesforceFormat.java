package dev.breakglass.plugins.salesforce;

import dev.breakglass.plugin.AppWithoutCodes;
import dev.breakglass.plugin.FormatFacts;
import org.pf4j.Extension;

/**
 * Salesforce: no backup codes, temporary codes from an admin instead. See this plugin's README for the sources.
 */
@Extension
public final class SalesforceFormat extends AppWithoutCodes {

    public SalesforceFormat() {
        super(FormatFacts.of("salesforce", "Salesforce").appKeys("salesforce").keywords("salesforce"));
    }
}
