package dev.breakglass.plugins.shopify;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Shopify backup codes, shown as {@code 7h3k2-9q4mx}. See this plugin's README for the sources.
 */
@Extension
public final class ShopifyFormat extends ShapedCodeFormat {

    public ShopifyFormat() {
        super(
                FormatFacts.of("shopify", "Shopify")
                        .settingsPage("https://accounts.shopify.com/security")
                        .expectedCodes(10)
                        .keywords("shopify", "shopify_recovery_codes"),
                CodeShape.lettersAndDigits(10).groups(5, 5).separator("-"));
    }
}
