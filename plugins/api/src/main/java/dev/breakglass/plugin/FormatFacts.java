package dev.breakglass.plugin;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The facts about one app that a {@link LineCodeFormat} reports: start with {@link #of(String, String)} and add what
 * the app's help pages say.
 *
 * @param id the format's identifier, see {@link CodeFormat#id()}
 * @param displayName the app's name, see {@link CodeFormat#displayName()}
 * @param appKeys the app keys served, see {@link CodeFormat#appKeys()}
 * @param supportsBackupCodes see {@link CodeFormat#supportsBackupCodes()}
 * @param settingsPage see {@link CodeFormat#settingsPage()}
 * @param expectedCodeCount how many codes in one set, 0 when it varies or is not known
 * @param keywords words that name the app or its code file, such as {@code github-recovery-codes}; a paste that
 *     mentions one is more likely to be this format
 */
public record FormatFacts(
        String id,
        String displayName,
        Set<String> appKeys,
        boolean supportsBackupCodes,
        Optional<URI> settingsPage,
        int expectedCodeCount,
        List<String> keywords) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Whether this is a valid format (and plugin) id: lower case letters, digits and dashes, up to 64. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public FormatFacts {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("A format id is lower case letters, digits and dashes, up to 64: " + id);
        }
        if (displayName.isBlank() || appKeys.isEmpty() || expectedCodeCount < 0) {
            throw new IllegalArgumentException("A format needs a name, at least one app key and a count of 0 or more");
        }
        appKeys = Set.copyOf(appKeys);
        keywords = List.copyOf(keywords);
    }

    /** Facts for an app whose key is the format id, which offers backup codes, named by its display name. */
    public static FormatFacts of(String id, String displayName) {
        return new FormatFacts(
                id, displayName, Set.of(id), true, Optional.empty(), 0, List.of(displayName.toLowerCase(Locale.ROOT)));
    }

    /** The app keys served, replacing the default (the id). */
    public FormatFacts appKeys(String... keys) {
        return new FormatFacts(
                id, displayName, Set.of(keys), supportsBackupCodes, settingsPage, expectedCodeCount, keywords);
    }

    /** The app's MFA or backup-code settings page. */
    public FormatFacts settingsPage(String uri) {
        return new FormatFacts(
                id,
                displayName,
                appKeys,
                supportsBackupCodes,
                Optional.of(URI.create(uri)),
                expectedCodeCount,
                keywords);
    }

    /** How many codes the app hands out in one set. */
    public FormatFacts expectedCodes(int count) {
        return new FormatFacts(id, displayName, appKeys, supportsBackupCodes, settingsPage, count, keywords);
    }

    /** Words that point at this app, replacing the default (the display name). Matched as whole words, any case. */
    public FormatFacts keywords(String... words) {
        return new FormatFacts(
                id, displayName, appKeys, supportsBackupCodes, settingsPage, expectedCodeCount, List.of(words));
    }

    /** The app has no backup codes: it recovers accounts some other way. */
    public FormatFacts withoutBackupCodes() {
        return new FormatFacts(id, displayName, appKeys, false, settingsPage, 0, keywords);
    }

    /** The expected count as {@link CodeFormat#expectedCodeCount()} reports it. */
    public OptionalInt expectedCount() {
        return expectedCodeCount == 0 ? OptionalInt.empty() : OptionalInt.of(expectedCodeCount);
    }
}
