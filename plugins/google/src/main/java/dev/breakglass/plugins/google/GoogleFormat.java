package dev.breakglass.plugins.google;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Google backup codes. A set holds 10 backup codes; each works once; a new set cancels the old one. See this plugin's README for the sources.
 */
@Extension
public final class GoogleFormat extends ShapedCodeFormat {

    public GoogleFormat() {
        super(
                FormatFacts.of("google", "Google")
                        .appKeys("google", "google-workspace", "gmail")
                        .settingsPage("https://myaccount.google.com/two-step-verification/backup-codes")
                        .expectedCodes(10)
                        .keywords(
                                "google",
                                "backup-codes",
                                "2-step verification",
                                "google account",
                                "save your backup codes"),
                CodeShape.digits(8).groups(4, 4).separator(" "));
    }
}
