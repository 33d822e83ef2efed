package dev.breakglass.plugins.stripe;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Stripe backup codes, shown as {@code k3f9-2m7x-p0q4-a8d2}. See this plugin's README for the sources.
 */
@Extension
public final class StripeFormat extends ShapedCodeFormat {

    public StripeFormat() {
        super(
                FormatFacts.of("stripe", "Stripe")
                        .settingsPage("https://dashboard.stripe.com/settings/user")
                        .expectedCodes(1)
                        .keywords("stripe"),
                CodeShape.lettersAndDigits(16).groups(4, 4, 4, 4).separator("-"));
    }
}
