package dev.breakglass.formats;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Turns what a user pasted into a list of codes, and knows the apps Breakglass has formats for. Parsing
 * is pure computation on text: nothing in the paste is executed, stored or logged.
 */
@Service
public class CodeFormats {

    private static final Map<String, String> APP_NAMES = Map.ofEntries(
            Map.entry("github", "GitHub"), Map.entry("google", "Google"), Map.entry("slack", "Slack"),
            Map.entry("microsoft", "Microsoft"), Map.entry("aws", "Amazon Web Services"),
            Map.entry("cloudflare", "Cloudflare"), Map.entry("dockerhub", "Docker Hub"),
            Map.entry("gitlab", "GitLab"), Map.entry("atlassian", "Atlassian"));

    private final GenericCodeParser generic = new GenericCodeParser();

    /**
     * Reads the codes in a paste.
     *
     * @param text the text exactly as pasted
     * @param appKey the account's app, tried first; may be null
     * @throws PasteRejectedException when the paste is empty, too large, not text, holds no code or too many
     */
    public ParsedCodes parse(String text, String appKey) {
        PasteLimits.check(text);
        ParsedCodes parsed = generic.parse(normalise(text));
        if (parsed.codes().isEmpty()) {
            throw new PasteRejectedException(PasteProblem.NO_CODES);
        }
        if (parsed.codes().size() > PasteLimits.MAX_CODES) {
            throw new PasteRejectedException(PasteProblem.TOO_MANY);
        }
        return parsed;
    }

    /** The display name of an app, such as "GitHub" for {@code github}. */
    public String appName(String appKey) {
        String name = APP_NAMES.get(appKey);
        if (name != null) {
            return name;
        }
        return appKey.isEmpty() ? appKey : appKey.substring(0, 1).toUpperCase(Locale.ROOT) + appKey.substring(1);
    }

    /** Full-width digits and non-breaking spaces become plain ones; invisible characters go. */
    private static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return folded.replaceAll("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u00AD\\uFEFF]", "");
    }
}
