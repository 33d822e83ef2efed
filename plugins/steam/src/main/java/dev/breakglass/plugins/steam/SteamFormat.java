package dev.breakglass.plugins.steam;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.FormatReading;
import dev.breakglass.plugin.FoundCode;
import dev.breakglass.plugin.LineCodeFormat;
import dev.breakglass.plugin.Paste;
import dev.breakglass.plugin.PasteLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Steam Guard's codes: the recovery code, the letter R and five digits such as {@code R12345}, shown when the mobile
 * authenticator is set up; and the backup codes generated on request, a list of codes of Steam's code alphabet (digits
 * 2 to 9 and consonants) such as {@code 7Q7NF77}. See this plugin's README for the sources.
 */
@Extension
public final class SteamFormat extends LineCodeFormat {

    /** Steam's code alphabet: no 0, 1, vowels or letters that read like them. */
    private static final String ALPHABET = "[2-9BCDFGHJKMNPQRTVWXYbcdfghjkmnpqrtvwxy]";

    private static final Pattern RECOVERY_CODE = Pattern.compile("R\\d{5}", Pattern.CASE_INSENSITIVE);

    /** Backup codes come as a list: fewer than this in a paste are a Steam Guard sign-in code, not backup codes. */
    private static final int MIN_BACKUP_CODES = 2;

    public SteamFormat() {
        super(
                FormatFacts.of("steam", "Steam")
                        .settingsPage("https://store.steampowered.com/twofactor/manage")
                        .expectedCodes(1)
                        .keywords("steam", "steam guard", "steamguard"),
                Pattern.compile("R\\d{5}|" + ALPHABET + "{7}|" + ALPHABET + "{5}", Pattern.CASE_INSENSITIVE));
    }

    /** Saved in capitals, as Steam shows them, so that {@code r12345} typed by hand is the same code. */
    @Override
    protected String canonical(String matched) {
        return matched.toUpperCase(Locale.ROOT);
    }

    /** Shown as the app shows it. */
    @Override
    public String display(String code) {
        return code;
    }

    /**
     * The recovery code wherever it is; backup codes only when the paste holds a list of them (two or more): a lone
     * code of five characters is the sign-in code Steam Guard sends or shows, which works once and is no backup code.
     */
    @Override
    public FormatReading read(Paste paste) {
        FormatReading reading = super.read(paste);
        List<FoundCode> backup = reading.codes().stream()
                .filter(found -> !RECOVERY_CODE.matcher(found.code()).matches())
                .toList();
        if (backup.isEmpty() || backup.size() >= MIN_BACKUP_CODES) {
            return reading;
        }
        List<FoundCode> kept = new ArrayList<>(reading.codes());
        kept.removeAll(backup);
        Set<Integer> linesWithCodes = new HashSet<>();
        kept.forEach(found -> linesWithCodes.add(found.line()));
        List<PasteLine> unreadable = new ArrayList<>(reading.unreadable());
        for (PasteLine line : paste.lines()) {
            if (line.hasContent()
                    && !linesWithCodes.contains(line.index())
                    && backup.stream().anyMatch(found -> found.line() == line.index())) {
                unreadable.add(line);
            }
        }
        unreadable.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new FormatReading(kept, unreadable);
    }
}
