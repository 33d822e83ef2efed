package dev.breakglass.logging;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks what must never reach a log, wherever a library puts it (at DEBUG some print request bodies, SQL with its
 * bind values, headers): password hashes, passwords and tokens in forms, JSON and headers, session cookies, Vault
 * tokens, set-password links, the plaintext sent to Vault, and the values that Vaadin's client sends for text
 * fields (where pasted codes and typed passwords travel). What is masked becomes {@value #MASK}.
 */
public final class SecretMask {

    static final String MASK = "[masked]";

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            // Password hashes, with or without Spring's {id} prefix: Argon2 and BCrypt.
            new Rule(Pattern.compile("(\\{[a-z0-9]+})?\\$argon2(?:id|i|d)\\$[^\\s\"';)|]+"), MASK),
            new Rule(Pattern.compile("(\\{[a-z0-9]+})?\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}"), MASK),
            // Session cookies, and session ids where a library names them (Tomcat's are 32 hex digits).
            new Rule(Pattern.compile("(?i)\\b(JSESSIONID|SESSION)=[^;\\s,\"']+"), "$1=" + MASK),
            new Rule(Pattern.compile("(?i)\\b(session(?:[ _-]?id)?\\W{1,3})[A-F0-9]{32}\\b"), "$1" + MASK),
            new Rule(Pattern.compile("(?i)(X-Vault-Token[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;]+"), "$1" + MASK),
            new Rule(Pattern.compile("\\bhv[sbr]\\.[A-Za-z0-9_-]{10,}"), MASK),
            // Secrets by name: form fields, JSON members, key=value pairs.
            new Rule(
                    Pattern.compile("(?i)(\"?\\b(?:password|passwd|new-?password|secret|secret_id|client_secret|"
                            + "token|plaintext|codes|pasted)\"?\\s*[:=]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s&,;}\\]]+)"),
                    "$1" + MASK),
            // Vaadin's client sends a text field's new value as {"property":"value","value":"..."}.
            new Rule(Pattern.compile("(\"value\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\""), "$1\"" + MASK + "\""),
            // One-time set-password links.
            new Rule(Pattern.compile("(set-password/)[A-Za-z0-9_-]{16,}"), "$1" + MASK));

    private SecretMask() {}

    /** The text with every secret it holds masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Rule rule : RULES) {
            // Without a match, replaceAll hands back the same string after one pass.
            masked = rule.pattern().matcher(masked).replaceAll(rule.replacement());
        }
        return masked;
    }
}
