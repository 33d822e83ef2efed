package dev.breakglass.plugins.stripe;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Stripe backup codes, shown as {@code k3f9-2m7x-p0q4-a8d2}. See this plugin's README for the sources.
 *
 * <p>The pattern asks for a digit within the code, so that English words of the same length ("recovery",
 * "download") are not read as codes; a code of letters only is missed.
 */
@Extension
public final class StripeFormat extends LineCodeFormat {

    public StripeFormat() {
        super(
                FormatFacts.of("stripe", "Stripe")
                        .settingsPage("https://dashboard.stripe.com/settings/user")
                        .expectedCodes(1)
                        .keywords("stripe", "stripe-backup-codes"),
                Pattern.compile("(?=[A-Za-z -]{0,18}\\d)[a-z0-9]{4}[ -]?[a-z0-9]{4}[ -]?[a-z0-9]{4}[ -]?[a-z0-9]{4}", Pattern.CASE_INSENSITIVE));
    }

    /** Saved without separators, in the app's case, so that the same code typed twice in two ways is saved once. */
    @Override
    protected String canonical(String matched) {
        return matched.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** Shown as the app shows it. */
    @Override
    public String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12);
    }
}
