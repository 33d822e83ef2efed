package dev.breakglass.plugins.aws;

import dev.breakglass.plugin.AppWithoutCodes;
import dev.breakglass.plugin.FormatFacts;
import org.pf4j.Extension;

/**
 * Amazon Web Services: no backup codes, MFA devices instead. See this plugin's README for the sources.
 */
@Extension
public final class AwsFormat extends AppWithoutCodes {

    public AwsFormat() {
        super(FormatFacts.of("aws", "AWS")
                .appKeys("aws", "aws-root", "amazon-web-services")
                .settingsPage("https://console.aws.amazon.com/iam/home#/security_credentials")
                .keywords("aws", "amazon web services"));
    }
}
