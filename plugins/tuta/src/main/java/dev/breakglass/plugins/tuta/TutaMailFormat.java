package dev.breakglass.plugins.tuta;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Tuta Mail backup codes, shown as {@code 4283 fefc 63f0 cd0e 873a 0000 c6d0 7ef7 b77e 90d3 593a d699 fc1f 7cd5 bb2e 35cb}. See this plugin's README for the sources.
 */
@Extension
public final class TutaMailFormat extends LineCodeFormat {

    public TutaMailFormat() {
        super(
                FormatFacts.of("tuta", "Tuta Mail")
                        .expectedCodes(1)
                        .keywords("tuta mail", "tuta-backup-codes"),
                Pattern.compile("[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}[ -]?[0-9a-f]{4}", Pattern.CASE_INSENSITIVE));
    }

    /** Saved without separators, in the app's case, so that the same code typed twice in two ways is saved once. */
    @Override
    protected String canonical(String matched) {
        return matched.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    /** Shown as the app shows it. */
    @Override
    public String display(String code) {
        return code.substring(0, 4) + " " + code.substring(4, 8) + " " + code.substring(8, 12) + " " + code.substring(12, 16) + " " + code.substring(16, 20) + " " + code.substring(20, 24) + " " + code.substring(24, 28) + " " + code.substring(28, 32) + " " + code.substring(32, 36) + " " + code.substring(36, 40) + " " + code.substring(40, 44) + " " + code.substring(44, 48) + " " + code.substring(48, 52) + " " + code.substring(52, 56) + " " + code.substring(56, 60) + " " + code.substring(60);
    }
}
