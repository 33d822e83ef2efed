package dev.breakglass.formats;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What Breakglass knows about one code format, read from its plugin once when the plugin loads.
 *
 * @param id the format's identifier, stored with every saved set
 * @param displayName the app's name, such as "GitHub"
 * @param appKeys the app keys it serves
 * @param supportsBackupCodes whether the app has backup codes at all
 * @param settingsPage the app's MFA or backup-code page, if known
 * @param expectedCodeCount how many codes one set holds, if fixed
 * @param pluginId the plugin it comes from; empty for the built-in generic reader
 */
public record FormatInfo(
        String id,
        String displayName,
        Set<String> appKeys,
        boolean supportsBackupCodes,
        Optional<String> settingsPage,
        OptionalInt expectedCodeCount,
        Optional<String> pluginId) {

    public FormatInfo {
        appKeys = Set.copyOf(appKeys);
    }
}
