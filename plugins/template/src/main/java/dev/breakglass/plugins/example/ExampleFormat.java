package dev.breakglass.plugins.example;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Example App recovery codes: 12 codes of three groups of four letters and digits, such as {@code k3f9-2m7x-p0q4},
 * which the app accepts with or without dashes and in any case. Saved without dashes, in lower case, so the same
 * code pasted twice in two shapes is saved once; shown with the dashes.
 */
@Extension
public final class ExampleFormat extends ShapedCodeFormat {

    public ExampleFormat() {
        super(
                FormatFacts.of("example", "Example App")
                        .appKeys("example")
                        .settingsPage("https://example.com/settings/security/recovery-codes")
                        .expectedCodes(12)
                        .keywords("example app", "example-recovery-codes"),
                CodeShape.lettersAndDigits(12).groups(4, 4, 4).separator("-"));
    }
}
