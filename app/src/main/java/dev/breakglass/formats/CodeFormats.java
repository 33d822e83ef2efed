package dev.breakglass.formats;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Turns what a user pasted into a list of codes, and knows the apps Breakglass has formats for. Parsing is pure
 * computation on text: nothing in the paste is executed, stored or logged.
 */
@Service
public class CodeFormats {

    /** Names for apps that no plugin serves (and a fallback while plugins load). */
    private static final Map<String, String> APP_NAMES = Map.ofEntries(
            Map.entry("github", "GitHub"),
            Map.entry("google", "Google"),
            Map.entry("slack", "Slack"),
            Map.entry("microsoft", "Microsoft"),
            Map.entry("aws", "Amazon Web Services"),
            Map.entry("cloudflare", "Cloudflare"),
            Map.entry("dockerhub", "Docker Hub"),
            Map.entry("gitlab", "GitLab"),
            Map.entry("atlassian", "Atlassian"),
            Map.entry("linkedin", "LinkedIn"),
            Map.entry("reddit", "Reddit"));

    private final CodeReader reader;

    CodeFormats(CodeReader reader) {
        this.reader = reader;
    }

    /**
     * Reads the codes in a paste.
     *
     * @param text the text exactly as pasted
     * @param appKey the account's app, tried first; may be null
     * @throws PasteRejectedException when the paste is empty, too large, not text, holds no code or too many
     */
    public ParsedCodes parse(String text, String appKey) {
        return reader.read(text, appKey);
    }

    /** The display name of an app, such as "GitHub" for {@code github}. */
    public String appName(String appKey) {
        String known = APP_NAMES.get(appKey);
        if (known != null) {
            return known;
        }
        Optional<FormatInfo> format = reader.formatFor(appKey);
        if (format.isPresent()) {
            return format.get().displayName();
        }
        return appKey.isEmpty() ? appKey : appKey.substring(0, 1).toUpperCase(Locale.ROOT) + appKey.substring(1);
    }

    /**
     * The apps the running format plugins serve, one per format, by name: what a new account can be for. The key
     * is the format's id when it serves that key, else the first of its keys.
     */
    public List<KnownApp> apps() {
        Map<String, KnownApp> apps = new LinkedHashMap<>();
        for (FormatInfo format : reader.formats()) {
            String key = format.appKeys().contains(format.id()) ? format.id() : new TreeSet<>(format.appKeys()).first();
            apps.putIfAbsent(key, new KnownApp(key, format.displayName()));
        }
        return apps.values().stream()
                .sorted(Comparator.comparing(app -> app.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** The key of the app with this key or name, any case (such as {@code github} for "GitHub" or "github"), if known. */
    public Optional<String> appKeyOf(String keyOrName) {
        String wanted = keyOrName == null ? "" : keyOrName.strip().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        for (KnownApp app : apps()) {
            if (app.key().equals(wanted) || app.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(app.key());
            }
        }
        for (FormatInfo format : reader.formats()) {
            if (format.appKeys().contains(wanted)) {
                return Optional.of(wanted);
            }
        }
        return APP_NAMES.entrySet().stream()
                .filter(entry -> entry.getKey().equals(wanted)
                        || entry.getValue().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Every app key whose app's name contains the text, any case: to search accounts by app name. */
    public Set<String> appKeysNamedLike(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        Set<String> keys = new TreeSet<>();
        for (FormatInfo format : reader.formats()) {
            if (format.displayName().toLowerCase(Locale.ROOT).contains(wanted)) {
                keys.addAll(format.appKeys());
            }
        }
        APP_NAMES.forEach((key, name) -> {
            if (name.toLowerCase(Locale.ROOT).contains(wanted)) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** What the app's plugin says about its codes: settings page, whether it has codes at all, how many. */
    public Optional<FormatInfo> appFormat(String appKey) {
        return reader.formatFor(appKey);
    }

    /** A saved code as its format shows it, such as {@code 1234 5678} for a Google code saved as {@code 12345678}. */
    public String display(String formatId, String code) {
        return reader.display(formatId, code);
    }
}
