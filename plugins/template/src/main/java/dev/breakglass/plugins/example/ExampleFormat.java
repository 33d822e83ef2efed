package dev.breakglass.plugins.example;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Example App recovery codes: 12 codes of three groups of four letters and digits, such as {@code k3f9-2m7x-p0q4},
 * which the app accepts with or without dashes and in any case.
 */
@Extension
public final class ExampleFormat extends LineCodeFormat {

    public ExampleFormat() {
        super(
                FormatFacts.of("example", "Example App")
                        .appKeys("example")
                        .settingsPage("https://example.com/settings/security/recovery-codes")
                        .expectedCodes(12)
                        .keywords("example app", "example-recovery-codes"),
                Pattern.compile("[a-z0-9]{4}-?[a-z0-9]{4}-?[a-z0-9]{4}", Pattern.CASE_INSENSITIVE));
    }

    /** Saved without dashes, in lower case, so the same code pasted twice in two shapes is saved once. */
    @Override
    protected String canonical(String matched) {
        return matched.replace("-", "").toLowerCase(Locale.ROOT);
    }

    /** Shown as the app shows it. */
    @Override
    public String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }
}
